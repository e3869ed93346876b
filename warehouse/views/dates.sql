-- dates: every temporal expression in an article, resolved as TIMEX3 (TimeML 1.2.1) against the
-- article's publication date (src/ingest/dates/resolve.py).
--   doc_id               the document (documents.doc_id)
--   text                 the expression as written ("last year", "March 21", "the past five years")
--   char_start, char_end offsets into documents.text (Python string indices, end exclusive)
--   type                 DATE | TIME | DURATION | SET
--   value                TIMEX3 value: 2016, 2016-03, 2016-03-21, 2016-W12, 2015-Q3, 2016-SU, FY2019
--                        (a state's fiscal year ends June 30; in a paragraph naming Congress, the
--                        administration or Medicare the federal one ends Sept. 30: range_start and
--                        range_end say which), 199 (the 1990s), 2016-03-21T15:00, P3Y, PT2H,
--                        XXXX-WXX-1 (every Monday), PRESENT_REF, PAST_REF, FUTURE_REF; X digits where
--                        the expression is relative and no publication date is known
--   mod                  TIMEX3 mod: START ("early 2016"), MID, END, APPROX, LESS_THAN, MORE_THAN,
--                        EQUAL_OR_LESS, EQUAL_OR_MORE, BEFORE/AFTER ("more than two years ago"); null
--   range_start          DATE, first day of the interval the expression names (calendar days,
--                        no time zone); for a duration counted back or forward from publication
--                        ("the past five years"), the interval it covers; null when none
--   range_end            DATE, the day after the interval's last day (end exclusive)
--   anchored_on          DATE, the publication date the expression was resolved against; null when
--                        none was known (relative expressions then get X-values and no interval,
--                        never one counted from the ingest date) or the expression names no interval
--   sentence             the sentence holding the expression
create or replace view dates as
with source as (
    select * from raw_dates
),
final as (
    select
        doc_id, text, char_start, char_end, type, value, mod, range_start, range_end,
        anchored_on, sentence
    from source
)
select * from final
