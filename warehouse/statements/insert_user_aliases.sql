insert into user_aliases by name select * from staged
