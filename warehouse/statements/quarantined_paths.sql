-- Where each quarantined file was moved: a file in quarantine/ not named here lost its row.
select moved_to from raw_quarantine where moved_to is not null
