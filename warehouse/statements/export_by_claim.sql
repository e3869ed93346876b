-- A view's rows keyed by claim_id with the publication year of the claim's document, for an
-- export partitioned by year; published_year is null for undated documents.
select v.*, year(d.published_date) as published_year
from query_table(?) as v
left join claims as c on c.claim_id = v.claim_id
left join documents as d on d.doc_id = c.doc_id
