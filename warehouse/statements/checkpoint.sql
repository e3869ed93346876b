-- Flush the WAL into the database file, so a byte copy of the file holds every commit.
checkpoint
