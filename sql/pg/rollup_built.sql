-- The rollup is built (sql/pg/migrate-2.sql's rollup_state).
INSERT INTO rollup_state (built) VALUES (1)
