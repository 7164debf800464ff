-- How long a statement waits for a lock, in milliseconds ($1), for the
-- rest of the session (--lock-timeout).
SELECT set_config('lock_timeout', $1::text, false)
