-- raw_dates has no key: a document's dates go in only while it has none, so writing the same
-- batch twice (a retried task) adds nothing.
insert into raw_dates by name
select * from staged as s
where not exists (select 1 from raw_dates as d where d.doc_id = s.doc_id)
