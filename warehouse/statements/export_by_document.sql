-- A view's rows with the publication year of their document (documents.published_date), for an
-- export partitioned by year; published_year is null for undated or unknown documents.
select v.*, year(d.published_date) as published_year
from query_table(?) as v
left join documents as d on d.doc_id = v.doc_id
