-- Documents a warehouse or snapshot holds; a run never publishes a snapshot with fewer.
select count(*) from raw_documents
