-- raw_removed_lines has no key: a document's removed lines go in only while it has none, so
-- writing the same batch twice (a retried task) adds nothing.
insert into raw_removed_lines by name
select * from staged as s
where not exists (select 1 from raw_removed_lines as r where r.doc_id = s.doc_id)
