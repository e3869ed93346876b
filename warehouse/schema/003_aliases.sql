-- Names for the same actor. raw_aliases: read from each document ("Department of Children and
-- Families (DCF)", "Joette Katz" ... "Katz"). user_aliases: models/aliases.csv, replaced on
-- every run, so an analyst's edit applies at the next run without re-ingesting anything.

create table if not exists raw_aliases (
    doc_id     varchar not null,   -- document that defines the alias
    load_id    varchar not null,
    alias      varchar not null,   -- as written ("DCF", "Katz")
    canonical  varchar not null,   -- the full name the document gives
    kind       varchar not null    -- acronym | surname
);

create table if not exists user_aliases (
    alias      varchar not null,   -- as an analyst writes it; matched case-insensitively
    canonical  varchar not null
);

-- Near-duplicates, decided at load time in processing order (src/ingest/batch.mark_duplicates).
alter table raw_documents add column fingerprint blob;      -- MinHash, 64 little-endian uint32
alter table raw_documents add column duplicate_of varchar;  -- earlier near-identical doc_id
