-- Temporal expressions of each document, resolved to TIMEX3 against its publication date
-- (src/ingest/dates/). The `dates` view documents the columns.

create table if not exists raw_dates (
    doc_id       varchar not null,
    load_id      varchar not null,
    text         varchar not null,
    char_start   integer not null,
    char_end     integer not null,
    type         varchar not null,   -- DATE | TIME | DURATION | SET
    value        varchar not null,   -- TIMEX3 value
    mod          varchar,            -- TIMEX3 mod
    range_start  date,               -- interval named, end exclusive
    range_end    date,
    anchored_on  date,               -- publication date the interval was resolved against
    sentence     varchar not null
);
