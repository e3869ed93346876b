-- Every base table of the warehouse, for the read-back check before a run (load.verify).
select table_name from duckdb_tables() where database_name = current_database() order by table_name
