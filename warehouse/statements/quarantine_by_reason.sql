-- Quarantined files per reason (stable ING code and text), most frequent first.
select reason, count(*) as files, max("at") as latest
from quarantine
group by reason
order by files desc, reason
