-- Remember how far an input file has been read.
INSERT INTO input_files (path, device, inode, size, read_offset, mtime, format,
                         last_run)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (path) DO UPDATE SET
    device = excluded.device, inode = excluded.inode, size = excluded.size,
    read_offset = excluded.read_offset, mtime = excluded.mtime,
    format = excluded.format, last_run = excluded.last_run
