insert into raw_quarantine by name select *, now() as "at" from staged
on conflict do nothing
