-- quarantine: files that could not be processed, and why. The file itself is in the quarantine
-- folder (moved_to); nothing is deleted.
--   source_file  file name as dropped in the inbox
--   reason       stable code and text ("ING003 binary content, not text or HTML")
--   at           UTC timestamp
--   stage        read | clean | nlp
--   detail       specifics (size, byte offsets, exception text)
--   doc_id       SHA-256 of the bytes, when they could be read
--   moved_to     path the file was moved to
create or replace view quarantine as
with source as (
    select * from raw_quarantine
),
final as (
    select source_file, reason, "at", stage, detail, doc_id, moved_to, load_id from source
)
select * from final
