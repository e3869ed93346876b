-- Documents already in the warehouse: their files are archived without processing again.
select doc_id, source_file from raw_documents where doc_id in (select unnest(?::varchar[]))
