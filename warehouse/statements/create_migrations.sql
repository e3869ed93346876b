-- The migration ledger; 001_core.sql creates it too, but migrate must read it first.
create table if not exists schema_migrations (version varchar primary key, applied_at timestamptz not null)
