-- A cohort as the session service knows it: codes from the first fact that named it, the
-- schedule once cohort.scheduled arrived (null until then: an enrolment may come first), and the
-- roster lock of the latest fill. Locking this row serialises every change to the cohort's roster
-- and every completion decision of the cohort.
create table cohort (
    cohort_id    text primary key,
    cohort_code  text        not null,
    course_code  text        not null,
    course_title text,
    course_hours integer check (course_hours > 0),
    start_date   date,
    end_date     date,
    location     text,
    capacity     integer check (capacity > 0),
    fill_number  integer check (fill_number > 0),
    locked_at    timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint cohort_schedule_whole check (
        (course_title is null and course_hours is null and start_date is null and end_date is null
            and location is null and capacity is null)
        or (course_title is not null and course_hours is not null and start_date is not null
            and end_date is not null and location is not null and capacity is not null)),
    constraint cohort_lock_whole check ((fill_number is null) = (locked_at is null))
);

-- One entry per participant and cohort, whatever the number of times an enrolment is re-sent.
create table roster_entry (
    cohort_id        text        not null references cohort (cohort_id),
    participant_id   text        not null,
    participant_name text        not null,
    institution_code text        not null,
    seat_number      integer     not null check (seat_number > 0),
    status           text        not null check (status in ('ENROLLED', 'WITHDRAWN')),
    enrolled_at      timestamptz not null,
    withdrawn_at     timestamptz,
    updated_at       timestamptz not null default now(),
    primary key (cohort_id, participant_id),
    constraint roster_entry_withdrawal check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);

-- One completion decision per participant and cohort: the unique key backs "decided once".
create table completion (
    completion_id   uuid primary key,
    cohort_id       text        not null,
    participant_id  text        not null,
    decision        text        not null check (decision in ('COMPLETED', 'NOT_COMPLETED')),
    hours_attended  numeric     not null check (hours_attended >= 0),
    hours_scheduled numeric     not null check (hours_scheduled > 0),
    attendance_rate numeric     not null check (attendance_rate between 0 and 1),
    rule_version    text        not null,
    decided_at      timestamptz not null,
    constraint completion_once unique (cohort_id, participant_id),
    constraint completion_of_roster_entry foreign key (cohort_id, participant_id)
        references roster_entry (cohort_id, participant_id),
    constraint completion_hours_within_schedule check (hours_attended <= hours_scheduled)
);
