insert into file_moves by name select * from staged
