update loads set completed_at = now(), status = ?, documents = ?, quarantined = ? where load_id = ?
