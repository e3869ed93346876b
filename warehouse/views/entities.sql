-- entities: named entities found by the spaCy pipeline (models/en_claims).
--   doc_id               the document (documents.doc_id)
--   text                 the entity as written
--   label                OntoNotes label: PERSON, ORG, GPE, DATE, CARDINAL, PERCENT, MONEY...
--   char_start, char_end offsets into documents.text (Python string indices, end exclusive)
create or replace view entities as
with source as (
    select * from raw_entities
),
final as (
    select doc_id, text, label, char_start, char_end from source
)
select * from final
