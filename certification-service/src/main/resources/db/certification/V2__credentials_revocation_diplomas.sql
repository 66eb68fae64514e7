-- Issue 5: verifiable credentials, revocation, diplomas, completion figures, erasure.

-- Every certificate gets one entry in a W3C Bitstring Status List at issue. Entry n lives in list
-- n / 131072 + 1, at index (n mod 131072) * 92821 mod 131072: a bijection on the list (92821 is
-- odd, 131072 = 2^17), so neighbouring certificates do not sit in neighbouring bits.
-- StatusListEntry.forSequence computes the same.
create sequence status_list_entry_seq as bigint minvalue 0 start 0;

alter table certificate
    add column rule_version        text,
    add column passed_assessments  text[]      not null default '{}',
    add column status_list_id      integer,
    add column status_list_index   integer,
    add column valid_until         timestamptz,
    add column revoked_at          timestamptz,
    add column revocation_reason   text,
    add column holder_erased_at    timestamptz;

-- Certificates issued before this migration: entries in issue order, rule version unknown.
with numbered as (
    select id, nextval('status_list_entry_seq') as entry
    from (select id from certificate order by issued_at, number) in_issue_order
)
update certificate c
set status_list_id    = (n.entry / 131072 + 1)::integer,
    status_list_index = ((n.entry % 131072) * 92821 % 131072)::integer,
    rule_version      = 'unrecorded'
from numbered n
where c.id = n.id;

alter table certificate
    alter column rule_version set not null,
    alter column status_list_id set not null,
    alter column status_list_index set not null,
    add constraint certificate_one_status_entry unique (status_list_id, status_list_index),
    add constraint certificate_status_index_in_list check (status_list_index between 0 and 131071),
    add constraint certificate_revocation_complete check ((revoked_at is null) = (revocation_reason is null)),
    add constraint certificate_valid_until_after_issue check (valid_until is null or valid_until > issued_at);

-- Building a status list: the revoked entries of one list.
create index certificate_revoked_by_list on certificate (status_list_id, status_list_index) where revoked_at is not null;

-- The issuer's signing keys when none are configured (the local platform): generated at start-up
-- and kept, so credentials signed before a restart still verify. One active key signs; retired
-- keys stay published in the JWKS.
create table signing_key (
    kid        text        primary key,
    jwk        text        not null,
    created_at timestamptz not null,
    retired_at timestamptz
);
create unique index signing_key_one_active on signing_key ((true)) where retired_at is null;

-- Programmes as enrollment-service defines them (programme.defined); the latest definition wins.
create table programme (
    id                    text        primary key,
    code                  text        not null,
    title                 text        not null,
    awarding_institution  text        not null,
    required_course_codes text[]      not null,
    defined_at            timestamptz not null
);
create index programme_by_required_course on programme using gin (required_course_codes);

create sequence diploma_number_seq as integer minvalue 1 maxvalue 999999 no cycle;

-- One diploma per programme and participant; what it attests is frozen at award.
create table diploma (
    id                   uuid        primary key,
    number               text        not null,
    programme_id         text        not null,
    programme_code       text        not null,
    programme_title      text        not null,
    awarding_institution text        not null,
    participant_id       text        not null,
    holder_name          text        not null,
    institution_code     text        not null,
    certificate_numbers  text[]      not null,
    awarded_at           timestamptz not null,
    valid_until          timestamptz,
    holder_erased_at     timestamptz,
    constraint diploma_number_unique unique (number),
    constraint diploma_one_per_programme_and_participant unique (programme_id, participant_id),
    constraint diploma_valid_until_after_award check (valid_until is null or valid_until > awarded_at)
);
create index diploma_by_participant on diploma (participant_id, awarded_at);

-- Completion decisions (course.completed and course.not-completed) for the completion figures.
-- One per participant in a cohort; a later decision replaces an earlier one. No names here.
create table completion_decision (
    participant_id   text        not null,
    cohort_id        text        not null,
    completion_id    text        not null,
    cohort_code      text        not null,
    course_code      text        not null,
    institution_code text        not null,
    outcome          text        not null,
    decided_at       timestamptz not null,
    primary key (participant_id, cohort_id),
    constraint completion_decision_outcome check (outcome in ('COMPLETED', 'NOT_COMPLETED'))
);
create index completion_decision_by_course on completion_decision (course_code, cohort_code);

-- Participants whose personal data was erased (participant.erased): a certificate issued after the
-- erasure is made out to the pseudonym too.
create table erased_participant (
    participant_id text        primary key,
    erased_at      timestamptz not null
);
