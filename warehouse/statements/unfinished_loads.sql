-- Runs that did not complete and were not recovered yet, with the moves their batches planned
-- (null move columns for a run that planned none). The caller holds the run lock, so none of
-- these runs is still alive.
select l.load_id, m.source_path, m.target_path, m.doc_id
from loads as l
left join file_moves as m using (load_id)
where l.status <> 'completed'
  and l.load_id not in (select load_id from recoveries)
order by l.started_at, l.load_id, m.source_path
