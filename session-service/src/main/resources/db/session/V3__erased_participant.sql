-- Participants whose personal data was erased (participant.erased), remembered for good:
-- participant.erased is keyed by participant and participant.enrolled by cohort, so an enrolment
-- may arrive after the erasure, and it must put the pseudonym on the roster, not the name.
create table erased_participant (
    participant_id text        primary key,
    erased_at      timestamptz not null,
    recorded_at    timestamptz not null default now()
);
