-- What cleaning threw away, so a reviewer can check it (ingest review). Append-only, like 001.
-- One row per line of the page's text that the cleaning rules (src/ingest/clean) dropped. For
-- HTML pages these are lines of trafilatura's extract; the markup trafilatura itself dropped
-- (menus, scripts, comments) is not kept. Documents loaded before this file have no rows.
create table if not exists raw_removed_lines (
    doc_id    varchar not null,
    load_id   varchar not null,
    position  integer not null,   -- order among the document's removed lines, from 0
    rule      varchar not null,   -- the rule that dropped it ("page-head:byline", "widget:share", "title")
    text      varchar not null    -- the line as it was
);
