-- The effect a test listener applies: one row per (cohort, participant) it saw enrolled.
create table test_roster (
    cohort_id      text not null,
    participant_id text not null,
    primary key (cohort_id, participant_id)
);
