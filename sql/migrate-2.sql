-- Schema version 2.  Input files remember the options they were read with
-- (a file read again with another --tz or --cluster would store its jobs
-- twice) and whether every record of them was stored (a file read with
-- rejections is read again next time).
ALTER TABLE input_files ADD COLUMN options TEXT NOT NULL DEFAULT '';
ALTER TABLE input_files ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;
