-- The engine creates its own schema idempotently at start-up (journal, snapshots, schema_version).
-- This file only makes sure the database uses UTC and UTF-8 for audit timestamps and payloads.
ALTER DATABASE engine SET timezone TO 'UTC';
