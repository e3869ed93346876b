-- Every arrival in the inbox and what became of it, so "what happened to file X?" has an answer,
-- a byte-identical copy under another name included. Append-only, like 001.

create table if not exists raw_files (
    file_id       varchar primary key,  -- SHA-256 of (source_file, sha256, outcome): re-runs add nothing
    load_id       varchar not null,     -- the run that saw this outcome (loads.load_id)
    source_file   varchar not null,     -- file name as dropped in the inbox
    size          bigint,               -- bytes, when the run looked; null when it was gone
    sha256        varchar,              -- SHA-256 of the bytes read; null when they could not be read
    outcome       varchar not null,     -- loaded | duplicate | quarantined | left | vanished
    duplicate_of  varchar,              -- doc_id of the stored document with the same bytes
    detail        varchar,              -- why a file was left or quarantined
    first_seen    timestamptz not null  -- UTC, when this outcome was first recorded
);
