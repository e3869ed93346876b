-- Every stored document's doc_id (SHA-256 of its file's bytes): archived files with another
-- hash were lost with a warehouse and are ingested again by `ingest restore`.
select doc_id from raw_documents
