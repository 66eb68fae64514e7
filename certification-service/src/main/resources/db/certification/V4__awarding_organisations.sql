-- Issue 14: the organisations that award certificates and diplomas (and the institutions that
-- nominate officials) by name, with their logos; who awards each course and programme, and in
-- which language.

create table organisation (
    code       text        primary key,
    name       text        not null,
    -- A PNG re-encoded by the service from the image staff gave (never the bytes as uploaded).
    logo_png   bytea,
    named_at   timestamptz not null
);

-- One row per definition; a certificate is made out under the one in force when it was issued.
create table awarding (
    scope              text        not null check (scope in ('COURSE', 'PROGRAMME')),
    code               text        not null,
    defined_at         timestamptz not null,
    organisation_codes text[]      not null check (cardinality(organisation_codes) between 1 and 5),
    language           text        not null check (language in ('en', 'es')),
    -- The title in each language where it differs from the catalogue's (null: the catalogue's).
    title_en           text,
    title_es           text,
    primary key (scope, code, defined_at)
);
