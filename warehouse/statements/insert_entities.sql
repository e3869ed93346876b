insert into raw_entities by name select * from staged
