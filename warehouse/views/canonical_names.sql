-- canonical_names: one canonical name per alias key.
--   alias_key   lower-case name without a leading "the" or a possessive ("dcf", "katz")
--   canonical   the analyst's canonical name (models/aliases.csv) if any, else the document's
--               expansion, itself mapped through the analyst's table ("DCF" -> "Department of
--               Children and Families" -> "Connecticut Department of Children and Families")
--   source      user | document
-- A document's references ("the Department" -> the one department it names, raw_aliases kind
-- 'reference') hold within that document only; the claims view applies them.
create or replace view canonical_names as
with user_names as (
    select alias_key(alias) as alias_key, min(canonical) as canonical
    from user_aliases
    group by all
),
document_names as (
    select alias_key(alias) as alias_key,
           canonical,
           count(*) as uses
    from raw_aliases
    where kind <> 'reference'  -- "the department" means another department in each document
    group by all
),
document_best as (
    select alias_key, arg_max(canonical, uses) as canonical
    from document_names
    group by alias_key
),
resolved as (
    select d.alias_key, coalesce(u2.canonical, d.canonical) as canonical, 'document' as source
    from document_best as d
    left join user_names as u2
        on u2.alias_key = alias_key(d.canonical)
    where d.alias_key not in (select alias_key from user_names)
),
final as (
    select alias_key, canonical, 'user' as source from user_names
    union all
    select * from resolved
)
select * from final
