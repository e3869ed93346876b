-- files: every file that arrived in the inbox, and what became of it (one row per name, bytes
-- and outcome; a file that was left and later loaded has both rows).
--   source_file   file name as dropped in the inbox
--   size          bytes at the run's look (null when the file was gone)
--   sha256        SHA-256 of the bytes read (= documents.doc_id when loaded); null when unreadable
--   outcome       loaded: a new document | duplicate: its bytes were already stored (another name
--                 or an earlier drop), archived without a new row | quarantined: see quarantine |
--                 left: in the inbox for the next run (changed after it was read, or its move
--                 failed) | vanished: listed, then gone before it was read or moved
--   duplicate_of  for duplicates, doc_id of the stored document with the same bytes
--   duplicate_of_file  that document's source_file
--   detail        why a file was left or quarantined
--   first_seen    UTC timestamp of the run that first recorded this outcome
--   load_id       that run
create or replace view files as
with source as (
    select * from raw_files
),
stored as (
    select doc_id, source_file from raw_documents
),
final as (
    select
        f.source_file,
        f.size,
        f.sha256,
        f.outcome,
        f.duplicate_of,
        d.source_file as duplicate_of_file,
        f.detail,
        f.first_seen,
        f.load_id
    from source as f
    left join stored as d on d.doc_id = f.duplicate_of
)
select * from final
