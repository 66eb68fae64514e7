-- Enrollment: cohorts with their seats, participants (one per person), enrolments.
-- The rules the code relies on are also constraints here, so that even buggy code cannot break them.

create table cohort (
    id           uuid        primary key,
    code         text        not null unique,
    course_code  text        not null,
    course_title text        not null,
    course_hours integer     not null check (course_hours between 1 and 1000),
    start_date   date        not null,
    end_date     date        not null,
    location     text        not null,
    capacity     integer     not null check (capacity between 1 and 500),
    facilitator  text        not null,
    -- Claimed only by "update ... set seats_taken = seats_taken + 1 where seats_taken < capacity".
    seats_taken  integer     not null default 0,
    -- How many times the last seat was taken; the number a cohort.filled event carries.
    fill_number  integer     not null default 0 check (fill_number >= 0),
    scheduled_at timestamptz not null,
    constraint cohort_dates_in_order check (end_date >= start_date),
    constraint cohort_seats_never_oversold check (seats_taken >= 0 and seats_taken <= capacity)
);

create table participant (
    id               uuid        primary key,
    -- The natural key of a person, compared case-insensitively: stored lower-cased.
    email            text        not null unique check (email = lower(email)),
    name             text        not null,
    institution_code text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table enrolment (
    id                uuid        primary key,
    cohort_id         uuid        not null references cohort (id),
    participant_id    uuid        not null references participant (id),
    -- The institution that nominated the participant for this cohort.
    institution_code  text        not null,
    status            text        not null check (status in ('ENROLLED', 'WAITLISTED', 'WITHDRAWN')),
    seat_number       integer     check (seat_number >= 1),
    waitlist_position integer     check (waitlist_position >= 1),
    created_at        timestamptz not null,
    changed_at        timestamptz not null,
    withdrawal_reason text,
    constraint enrolment_one_per_participant_and_cohort unique (cohort_id, participant_id),
    constraint enrolment_seat_iff_enrolled check ((status = 'ENROLLED') = (seat_number is not null)),
    constraint enrolment_position_iff_waitlisted check ((status = 'WAITLISTED') = (waitlist_position is not null)),
    -- Positions are renumbered in one statement when someone leaves the line, which passes through
    -- transient duplicates: hence an exclusion constraint checked at commit rather than a unique index.
    constraint enrolment_one_per_waitlist_position
        exclude using btree (cohort_id with =, waitlist_position with =) where (status = 'WAITLISTED')
        deferrable initially deferred
);

-- One holder per seat.
create unique index enrolment_one_per_seat on enrolment (cohort_id, seat_number) where status = 'ENROLLED';
create index enrolment_participant on enrolment (participant_id);
