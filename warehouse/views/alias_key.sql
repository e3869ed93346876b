-- alias_key(name): the comparison key of a name: lower case, trimmed, single spaces, typographic
-- apostrophes straightened, no leading "the", no possessive ("The Department’s" -> "department").
-- Used by canonical_names and claims.
create or replace macro alias_key(name) as
    regexp_replace(
        regexp_replace(regexp_replace(lower(trim(replace(name, '’', ''''))), '\s+', ' ', 'g'), '^the\s+', ''),
        '''s?$', ''
    );

-- reference_key(name): alias_key without a leading possessive pronoun, for a document's own
-- references ("her department", "the Department" -> "department").
create or replace macro reference_key(name) as
    regexp_replace(alias_key(name), '^(her|his|its|their|our)\s+', '')
