insert into loads (load_id, started_at, status, files_seen) values (?, now(), 'running', ?)
