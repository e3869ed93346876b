insert into schema_migrations values (?, now())
