insert into raw_documents by name select *, now() as ingested_at from staged
on conflict do nothing
