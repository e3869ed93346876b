-- Explicit restart after a crash (see ingest.batch.recover). Append-only, like 001.
-- loads.status gains one value: interrupted (the run died; a later run finished its file moves).
-- Paths are stored as file-system bytes (BLOB), because inbox file names need not be UTF-8.

-- The moves each batch plans for its files, written in the same transaction as the batch's rows.
-- A run killed after that commit and before the moves leaves its files in the inbox; the next
-- run reads this journal and finishes exactly those moves before it lists the inbox.
create table if not exists file_moves (
    load_id      varchar not null,   -- the run that planned the move (loads.load_id)
    source_path  blob not null,      -- absolute path of the inbox entry
    target_path  blob not null,      -- absolute path in the archive or quarantine folder
    doc_id       varchar             -- SHA-256 of the bytes read; null when they could not be read
);

-- One row per run that did not complete (status running or failed) once a later run has
-- finished its planned moves; such a run is never recovered twice.
create table if not exists recoveries (
    load_id         varchar primary key,  -- the run that did not complete
    recovered_at    timestamptz not null, -- UTC
    files_moved     integer not null      -- planned moves finished by the recovery
);
