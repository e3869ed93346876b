-- How many rows one view (the bound parameter) has.
select count(*) from query_table(?)
