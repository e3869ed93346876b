insert into raw_claims by name select * from staged
on conflict do nothing
