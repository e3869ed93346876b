-- removed_lines: the lines cleaning dropped from each document's page text, in page order.
--   doc_id    the document (documents.doc_id)
--   position  order among the document's removed lines, from 0
--   rule      the cleaning rule that dropped the line ("page-head:byline", "title", ...)
--   text      the line as it was
-- For HTML pages these are lines of trafilatura's extract: what trafilatura dropped with the
-- markup (menus, scripts, comments) is not kept. Documents loaded before schema 004 have none.
create or replace view removed_lines as
with source as (
    select * from raw_removed_lines
),
final as (
    select doc_id, position, rule, text from source
)
select * from final
