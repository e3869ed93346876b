-- Reads every block of one table (each column hashed), so a damaged block fails its checksum now.
select count(*), bit_xor(hash(columns(*))) from query_table(?)
