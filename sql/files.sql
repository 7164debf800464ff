-- portable: PostgreSQL too
-- Every file mark with the ingest run that wrote it (db copy).
SELECT path, device, inode, size, read_offset, mtime, format, options,
       complete, last_run
  FROM input_files
 ORDER BY path
