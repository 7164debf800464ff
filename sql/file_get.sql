-- portable: PostgreSQL too
-- What was read of an input file before.
SELECT device, inode, size, read_offset, mtime, format, options, complete
  FROM input_files WHERE path = ?1
