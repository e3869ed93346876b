insert into raw_aliases by name select * from staged
