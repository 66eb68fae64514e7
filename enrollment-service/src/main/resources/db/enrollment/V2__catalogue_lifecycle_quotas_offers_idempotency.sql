-- Issue 3: the catalogue (institutions, courses, programmes), the cohort lifecycle with seat quotas,
-- officials' positions, seat offers to waiting officials, and stored answers for Idempotency-Key.

-- Catalogue -------------------------------------------------------------------------------------

-- Institutions that nominate officials (and award diplomas). The code names the partner feed topic
-- partner.<code>.enrollment, hence the strict pattern (letters, digits, '_', '-'; no '.').
create table institution (
    code       text        primary key check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,29}$'),
    name       text        not null,
    defined_at timestamptz not null,
    changed_at timestamptz not null
);

create table course (
    id                  uuid        primary key,
    code                text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    title               text        not null,
    hours               integer     not null check (hours between 1 and 1000),
    topics              text[]      not null default '{}',
    completion_rule_ref text        not null,
    defined_at          timestamptz not null,
    changed_at          timestamptz not null
);

create table programme (
    id                    uuid        primary key,
    code                  text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    title                 text        not null,
    awarding_institution  text        not null references institution (code),
    -- Each a course code of the catalogue (checked by the use case: an array cannot carry a foreign key).
    required_course_codes text[]      not null default '{}',
    defined_at            timestamptz not null,
    changed_at            timestamptz not null
);

-- An official's position (e.g. "Inspector"), optional.
alter table participant add column position text;

-- Cohort lifecycle ------------------------------------------------------------------------------

alter table cohort add column status text not null default 'OPEN'
    check (status in ('PLANNED', 'OPEN', 'FULL', 'IN_DELIVERY', 'COMPLETED', 'CANCELLED'));
alter table cohort add column status_changed_at timestamptz;
-- Cohorts of the first slice were open or full by their seats alone.
update cohort set status = 'FULL' where seats_taken = capacity;
update cohort set status_changed_at = scheduled_at;
alter table cohort alter column status_changed_at set not null;
alter table cohort alter column status drop default;
-- OPEN means a seat is free, FULL means none is: the seat claim moves a cohort from one to the other in
-- the same statement, and the constraint holds it to that even for buggy code.
alter table cohort add constraint cohort_status_agrees_with_seats
    check ((status <> 'OPEN' or seats_taken < capacity) and (status <> 'FULL' or seats_taken = capacity));
create index cohort_course_start on cohort (course_code, start_date);

-- Optional: the most places (seats and waitlist places together) one institution may hold in a cohort.
create table cohort_quota (
    cohort_id        uuid    not null references cohort (id),
    institution_code text    not null,
    places           integer not null check (places >= 1),
    primary key (cohort_id, institution_code)
);

create index enrolment_cohort_institution on enrolment (cohort_id, institution_code, status);

-- Seat offers -----------------------------------------------------------------------------------

-- A waiting official of one cohort (from_cohort_id) offered a seat in another open cohort of the same
-- course (cohort_id). One offer per waitlist place, ever: the unique from_enrolment_id is also what makes
-- the offering consumer idempotent when the same fact arrives twice.
create table seat_offer (
    id                uuid        primary key,
    cohort_id         uuid        not null references cohort (id),
    from_cohort_id    uuid        not null references cohort (id),
    from_enrolment_id uuid        not null unique references enrolment (id),
    participant_id    uuid        not null references participant (id),
    institution_code  text        not null,
    status            text        not null check (status in ('PENDING', 'ACCEPTED')),
    offered_at        timestamptz not null,
    expires_at        timestamptz not null,
    accepted_at       timestamptz,
    enrolment_id      uuid        references enrolment (id),
    constraint seat_offer_accepted_with_enrolment
        check ((status = 'ACCEPTED') = (accepted_at is not null and enrolment_id is not null)),
    constraint seat_offer_expires_after_offered check (expires_at > offered_at)
);

create index seat_offer_cohort on seat_offer (cohort_id, status, expires_at);
create index seat_offer_from_cohort on seat_offer (from_cohort_id);

-- Idempotency-Key -------------------------------------------------------------------------------

-- A client's key with a hash of its request, and the answer once there is one. A key is reserved
-- (IN_PROGRESS) before the request runs, so a concurrent repeat waits or is told so; a refused request
-- deletes its reservation (bad input leaves no trace).
create table idempotent_request (
    idempotency_key text        primary key,
    request_hash    text        not null,
    state           text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    status          integer,
    location        text,
    content_type    text,
    body            text,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    constraint idempotent_request_completed_with_answer check ((state = 'COMPLETED') = (status is not null))
);

create index idempotent_request_created on idempotent_request (created_at);
