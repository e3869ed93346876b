-- Every view of the warehouse with its columns in order, so analysts' commands (export, review)
-- pick up new views without a code change. One row per view: (view_name, column names).
select v.view_name, list(c.column_name order by c.column_index) as columns
from duckdb_views() as v
join duckdb_columns() as c
    on c.database_name = v.database_name and c.schema_name = v.schema_name and c.table_name = v.view_name
where not v.internal and v.schema_name = 'main' and v.database_name = current_database()
group by v.view_name
order by v.view_name
