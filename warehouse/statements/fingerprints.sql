-- Signatures of stored documents, oldest first, for near-duplicate detection.
select doc_id, fingerprint from raw_documents where fingerprint is not null order by ingested_at, rowid
