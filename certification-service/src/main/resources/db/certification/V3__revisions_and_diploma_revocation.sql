-- Issue 14: corrections flow through (completion.revised issues or revokes certificates, a revoked
-- certificate revokes the diplomas that relied on it).

-- The latest decision revision applied to the certificate of a participant in a cohort: 0 for the
-- decision as first made (course.completed), then session-service's revision numbers 1, 2, ...
-- A revision at or below it is stale or a duplicate and changes nothing, whatever order they arrive in.
create table certificate_decision (
    participant_id text        not null,
    cohort_id      text        not null,
    completion_id  text        not null,
    revision       integer     not null,
    outcome        text        not null,
    applied_at     timestamptz not null,
    primary key (participant_id, cohort_id),
    constraint certificate_decision_revision_not_negative check (revision >= 0),
    constraint certificate_decision_outcome check (outcome in ('COMPLETED', 'NOT_COMPLETED'))
);

-- Certificates issued before this migration came from course.completed: revision 0.
insert into certificate_decision (participant_id, cohort_id, completion_id, revision, outcome, applied_at)
select participant_id, cohort_id, completion_id, 0, 'COMPLETED', issued_at from certificate
on conflict do nothing;

-- A revision back to COMPLETED after a revocation issues a new certificate (new number, new status
-- list entry); the revoked one stays revoked. So "one per completion" and "one per participant in a
-- cohort" hold for standing certificates only.
alter table certificate
    drop constraint certificate_one_per_completion,
    drop constraint certificate_one_per_participant_in_cohort;
create unique index certificate_one_standing_per_completion on certificate (completion_id) where revoked_at is null;
create unique index certificate_one_standing_per_participant_in_cohort on certificate (participant_id, cohort_id)
    where revoked_at is null;
-- Looking up a participant's certificates in a cohort, revoked ones included.
create index certificate_by_participant_and_cohort on certificate (participant_id, cohort_id);

-- The completion figures order decisions by revision first (then time), as certificates do.
alter table completion_decision add column revision integer not null default 0;

-- Diplomas fall with a certificate they relied on; a new diploma (new number) may be awarded later.
alter table diploma
    add column revoked_at        timestamptz,
    add column revocation_reason text,
    add constraint diploma_revocation_complete check ((revoked_at is null) = (revocation_reason is null)),
    drop constraint diploma_one_per_programme_and_participant;
create unique index diploma_one_standing_per_programme_and_participant on diploma (programme_id, participant_id)
    where revoked_at is null;
