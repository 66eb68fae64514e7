-- certification-service's own tables (the outbox and inbox live in schema aula_messaging).

-- Six digits on the paper: the sequence stops rather than wraps, so a number is never reused.
create sequence certificate_number_seq as integer minvalue 1 maxvalue 999999 no cycle;

-- One row per certificate; what it attests is frozen at issue.
create table certificate (
    id               uuid        primary key,
    number           text        not null,
    completion_id    text        not null,
    participant_id   text        not null,
    holder_name      text        not null,
    institution_code text        not null,
    course_code      text        not null,
    course_title     text        not null,
    course_hours     integer     not null,
    cohort_id        text        not null,
    cohort_code      text        not null,
    start_date       date        not null,
    end_date         date        not null,
    decided_at       timestamptz not null,
    issued_at        timestamptz not null,
    constraint certificate_number_unique unique (number),
    -- Exactly one certificate per completion, and per participant in a cohort: the natural keys
    -- that catch a fact re-sent under a new event id, which the inbox cannot recognise.
    constraint certificate_one_per_completion unique (completion_id),
    constraint certificate_one_per_participant_in_cohort unique (participant_id, cohort_id),
    constraint certificate_course_hours_positive check (course_hours > 0),
    constraint certificate_dates_in_order check (end_date >= start_date)
);

-- Listing a cohort's certificates; a participant's are served by the (participant_id, cohort_id) index.
create index certificate_by_cohort on certificate (cohort_id, issued_at);
