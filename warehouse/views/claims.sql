-- claims: one row per figure an article states, with provenance.
--   claim_id             stable id: SHA-256("doc_id:char_start"), 16 hex digits
--   doc_id, source_file  the document (documents.doc_id) and its file name
--   sentence             the sentence holding the figure
--   quantity_text        the figure as written, bound cue included ("just under 200")
--   value                DOUBLE, in `unit` (a count when unit is null; percent as 98, not 0.98;
--                        money in currency units; ratio "1 in 4" as 0.25); lower end of ranges
--   value_high           DOUBLE, upper end of ranges ("10 to 15" -> 15); null otherwise
--   bound                exact | approx | at_least | more_than | at_most | less_than | range
--   counted              what is counted ("child victims of human trafficking"), from the parse
--   subject              the actor of the verb stating the figure ("her department")
--   attributed_to        the speaker ("Joette Katz"), when the sentence or its quote is attributed
--   location             a GPE in the sentence, else the document's most-named GPE
--   period_start/_end    DATE scope of the figure ("since 2006" -> 2006-01-01 .. published_date;
--                        "in 2016" -> whole year); null when unknown or relative to an unknown date
--   char_start, char_end offsets of quantity_text in documents.text (Python string indices)
--   bound_text           the cue as written ("nearly", "a minimum of", "+"); null when exact
--   unit                 null (a count), percent, percentage points, USD, EUR, GBP, ratio, or a
--                        measure (years, hours, miles, mph, tons, ...)
--   verb                 the verb stating the figure ("identified", "prosecuted")
--   subject_canonical    subject mapped through canonical_names ("DCF" -> "Connecticut
--                        Department of Children and Families"), else subject; "the Department",
--                        "her department" first become the department the same document names
--   attributed_to_canonical  the same for attributed_to
--   counted_key          head noun of counted, lower case, singular ("referral"): measures' key
--   is_duplicate         true when the document repeats an earlier one (documents.duplicate_of)
--   is_superseded        true when a later version of the same file exists
create or replace view claims as
with source as (
    select * from raw_claims
),
docs as (
    select doc_id, source_file, duplicate_of, superseded_by from documents
),
names as (
    select alias_key, canonical from canonical_names
),
refs as (
    select doc_id, alias_key(alias) as ref_key, min(canonical) as canonical
    from raw_aliases
    where kind = 'reference'
    group by all
),
final as (
    select
        c.claim_id, c.doc_id, d.source_file, c.sentence, c.quantity_text, c.value, c.value_high,
        c.bound, c.counted, c.subject, c.attributed_to, c.location, c.period_start, c.period_end,
        c.char_start, c.char_end, c.bound_text, c.unit, c.verb,
        coalesce(ns.canonical, rs.canonical, c.subject) as subject_canonical,
        coalesce(na.canonical, ra.canonical, c.attributed_to) as attributed_to_canonical,
        nullif(regexp_replace(regexp_replace(regexp_extract(lower(split_part(c.counted, ' of ', 1)), '([a-z-]+)\W*$', 1), 'ies$', 'y'), '([^s])s$', '\1'), '') as counted_key,
        d.duplicate_of is not null as is_duplicate,
        d.superseded_by is not null as is_superseded
    from source as c
    join docs as d using (doc_id)
    left join refs as rs on rs.doc_id = c.doc_id and rs.ref_key = reference_key(c.subject)
    left join refs as ra on ra.doc_id = c.doc_id and ra.ref_key = reference_key(c.attributed_to)
    left join names as ns on ns.alias_key = alias_key(coalesce(rs.canonical, c.subject))
    left join names as na on na.alias_key = alias_key(coalesce(ra.canonical, c.attributed_to))
)
select * from final
