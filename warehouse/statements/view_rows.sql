-- Every row of one view, named by the bound parameter.
select * from query_table(?)
