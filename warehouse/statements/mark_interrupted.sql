update loads set status = 'interrupted' where load_id = ? and status = 'running'
