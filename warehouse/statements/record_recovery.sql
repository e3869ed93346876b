insert into recoveries (load_id, recovered_at, files_moved) values (?, now(), ?)
