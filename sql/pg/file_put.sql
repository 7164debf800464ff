-- Remember how far a file was read (sql/file_put.sql).
INSERT INTO input_files (path, device, inode, size, read_offset, mtime, format,
                         last_run, options, complete)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT (path) DO UPDATE SET
    device = excluded.device, inode = excluded.inode, size = excluded.size,
    read_offset = excluded.read_offset, mtime = excluded.mtime,
    format = excluded.format, last_run = excluded.last_run,
    options = excluded.options, complete = excluded.complete
