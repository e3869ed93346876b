-- measures: figures about the same measure across articles, so disagreement is visible.
-- Two current (not duplicate, not superseded) claims share a measure when they have the same
-- actor (subject_canonical, else location), the same counted_key and unit, and overlapping
-- periods (or both undated). measure_id is the smallest claim_id among a claim's partners.
--   measure_id        groups the figures of one measure
--   actor, counted_key, unit   what is measured
--   figures           claims in the measure; documents: distinct documents among them
--   min_value, max_value   across the measure; sources_disagree: they differ
--   claim_id, source_file, quantity_text, value, value_high, bound, period_start, period_end,
--   attributed_to_canonical, sentence   the claim itself, for listing
--
-- Example: every figure given for DCF trafficking referrals, per period:
--   select * from measures where counted_key = 'referral' order by period_start;
create or replace view measures as
with current_claims as (
    select *, coalesce(subject_canonical, location, '') as actor
    from claims
    where not is_duplicate and not is_superseded and counted_key is not null
),
partners as (
    select a.claim_id, min(b.claim_id) as measure_id
    from current_claims as a
    join current_claims as b
        on a.actor = b.actor
        and a.counted_key = b.counted_key
        and coalesce(a.unit, '') = coalesce(b.unit, '')
        and (a.period_start is null) = (b.period_start is null)
        and (a.period_start is null
             or (a.period_start <= coalesce(b.period_end, current_date)
                 and b.period_start <= coalesce(a.period_end, current_date)))
    group by a.claim_id
),
joined as (
    select p.measure_id, c.*
    from partners as p
    join current_claims as c using (claim_id)
),
final as (
    select
        measure_id, actor, counted_key, unit,
        count(*) over m as figures,
        count(distinct doc_id) over m as documents,
        min(value) over m as min_value,
        max(value) over m as max_value,
        min(value) over m <> max(value) over m as sources_disagree,
        claim_id, source_file, quantity_text, value, value_high, bound, period_start, period_end,
        attributed_to_canonical, sentence
    from joined
    window m as (partition by measure_id)
)
select * from final
