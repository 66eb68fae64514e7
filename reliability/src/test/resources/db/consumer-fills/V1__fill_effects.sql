-- The effect of the fault suite's consumer: one row per CohortFilled it applied, in the order it
-- applied them (seq). No unique key on purpose: a duplicate effect must show, not be hidden.
create table fill_effect (
    seq         bigserial   primary key,
    cohort_id   text        not null,
    fill_number int         not null,
    applied_at  timestamptz not null default clock_timestamp()
);

-- Reference data the consumer needs: a fill of a course it does not know is refused (a
-- deterministic refusal, dead-lettered) until an operator adds the course.
create table known_course (
    code text primary key
);

insert into known_course (code) values ('BMM');
