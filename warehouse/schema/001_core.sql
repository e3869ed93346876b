-- Base tables, written only by the ingest flow (src/ingest/load.py). Analysts query the views in
-- warehouse/views/, not these tables. Append-only: change the schema with a new numbered file.
-- Times are UTC (timestamptz). Character offsets index raw_documents.text (Python str indices).

create table if not exists schema_migrations (
    version     varchar primary key,   -- file name of the applied schema file
    applied_at  timestamptz not null
);

-- One row per flow run.
create table if not exists loads (
    load_id       varchar primary key, -- uuid4 of the run
    started_at    timestamptz not null,
    completed_at  timestamptz,         -- null while running, or when the run died
    status        varchar not null,    -- running | completed | failed
    files_seen    integer,
    documents     integer,
    quarantined   integer
);

create table if not exists raw_documents (
    doc_id          varchar primary key,  -- SHA-256 of the file's raw bytes
    load_id         varchar not null,
    source_file     varchar not null,     -- file name as dropped in the inbox
    title           varchar,
    author          varchar,
    site            varchar,
    published_date  date,                 -- as stated by the page; null when unknown
    language        varchar not null,     -- ISO 639-1, "und" when unknown
    text            varchar not null,     -- cleaned article text, paragraphs split by a blank line
    content_sha256  varchar not null,     -- SHA-256 of text (UTF-8): equal for the same story
    truncated       boolean not null,     -- text was cut to nlp.max_chars before NLP
    ingested_at     timestamptz not null
);

create table if not exists raw_entities (
    doc_id      varchar not null,
    load_id     varchar not null,
    text        varchar not null,
    label       varchar not null,         -- OntoNotes label (PERSON, ORG, GPE, DATE, CARDINAL...)
    char_start  integer not null,
    char_end    integer not null
);

create table if not exists raw_claims (
    claim_id       varchar primary key,   -- SHA-256("doc_id:char_start"), first 16 hex digits
    doc_id         varchar not null,
    load_id        varchar not null,
    sentence       varchar not null,
    quantity_text  varchar not null,      -- the figure with its bound cue, as written
    value          double not null,       -- in `unit`; counts when unit is null
    value_high     double,                -- upper end, ranges only
    bound          varchar not null,      -- exact|approx|at_least|more_than|at_most|less_than|range
    bound_text     varchar,               -- the cue as written ("just under", "+")
    unit           varchar,               -- null (count), percent, percentage points, USD, ratio...
    counted        varchar,
    verb           varchar,
    subject        varchar,
    attributed_to  varchar,
    location       varchar,
    period_start   date,
    period_end     date,
    char_start     integer not null,
    char_end       integer not null
);

create table if not exists raw_quarantine (
    quarantine_id  varchar primary key,   -- SHA-256 of (source_file, doc_id, reason): re-runs add nothing
    load_id        varchar not null,
    source_file    varchar not null,
    stage          varchar not null,      -- read | clean | nlp
    reason         varchar not null,      -- stable code and text, e.g. "ING001 empty file"
    detail         varchar,
    doc_id         varchar,               -- SHA-256 of the bytes when they could be read
    moved_to       varchar,               -- where the file was moved
    "at"           timestamptz not null
);
