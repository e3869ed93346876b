-- raw_entities has no key: a document's entities go in only while it has none, so writing the
-- same batch twice (a retried task) adds nothing.
insert into raw_entities by name
select * from staged as s
where not exists (select 1 from raw_entities as e where e.doc_id = s.doc_id)
