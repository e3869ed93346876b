insert into raw_files by name select *, now() as first_seen from staged
on conflict do nothing
