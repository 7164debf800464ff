-- Wait for whoever creates or migrates the schema (src/store-pg.c's
-- advisory lock $1) until the transaction ends, and keep the server's
-- notices of the schema's creation to this transaction.
SELECT pg_advisory_xact_lock($1::int),
       set_config('client_min_messages', 'warning', true)
