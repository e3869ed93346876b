-- documents: one row per ingested file version.
--   doc_id          SHA-256 of the file's raw bytes
--   source_file     file name as dropped in the inbox
--   title, author, site   from the page's metadata (or the text's first headline line); may be null
--   published_date  DATE stated by the page or a dateline; null when unknown (never a guess)
--   language        ISO 639-1 code; non-"en" documents are stored but not given to the English model
--   text            cleaned article text; claims.char_start/char_end index into it
--   content_sha256  SHA-256 of text; the same story saved twice has the same value
--   truncated       true when text is longer than nlp.max_chars: text is stored whole, but NLP
--                   read only its first nlp.max_chars characters (cut at a paragraph break)
--   duplicate_of    doc_id of the first document telling the same story (same text, or MinHash
--                   similarity >= 0.5 of 4-word shingles: other page chrome, a trimmed copy);
--                   null for the first one and for a newer version of it saved under its file
--                   name. Claims of duplicates are flagged claims.is_duplicate.
--   superseded_by   doc_id of the newest version of this document: a later file with the same
--                   source_file telling the same story (an updated article); null for the current
--                   version. Unrelated articles saved under one name (two index.html) are not versions.
--   ingested_at     UTC timestamp of the load
create or replace view documents as
with source as (
    select *, rowid as seq from raw_documents
),
copies as (
    select
        *,
        coalesce(
            duplicate_of,
            nullif(first_value(doc_id) over (partition by content_sha256 order by ingested_at, seq), doc_id)
        ) as copy_of
    from source
),
versions as (
    -- a story is named by its first document; the versions of a file are one story's documents
    -- saved under one file name
    select
        *,
        last_value(doc_id) over (
            partition by source_file, coalesce(copy_of, doc_id) order by ingested_at, seq
            rows between unbounded preceding and unbounded following
        ) as latest_version,
        bool_or(copy_of is null) over (partition by source_file, coalesce(copy_of, doc_id)) as file_holds_first
    from copies
),
final as (
    select
        doc_id, source_file, title, published_date, site, text, content_sha256, ingested_at,
        author, language, truncated,
        case when file_holds_first then null else copy_of end as duplicate_of,
        nullif(latest_version, doc_id) as superseded_by
    from versions
)
select * from final
