-- The latest runs, newest first, with what each added (limit bound as the parameter).
-- started_at/completed_at are UTC; claims counts the claims of the run's documents.
select
    l.load_id, l.started_at, l.completed_at, l.status, l.files_seen, l.documents, l.quarantined,
    (select count(*) from raw_claims as c where c.load_id = l.load_id) as claims
from loads as l
order by l.started_at desc
limit ?
