select
    (select count(*) from documents) as documents,
    (select count(*) from entities) as entities,
    (select count(*) from claims) as claims,
    (select count(*) from quarantine) as quarantined
