-- Issue 4: delivery plans, sessions, attendance, assessments, versioned completion rules,
-- decisions from the recorded delivery and their revisions.

-- A roster locked by staff before the cohort filled records fill number 0.
alter table cohort drop constraint cohort_fill_number_check;
alter table cohort add constraint cohort_fill_number_check check (fill_number >= 0);

-- Catalogue courses as course.defined announced them; the newest definition wins.
create table course (
    course_code         text primary key,
    course_id           text        not null,
    title               text        not null,
    hours               integer     not null check (hours > 0),
    topics              text[]      not null,
    completion_rule_ref text,
    defined_at          timestamptz not null,
    updated_at          timestamptz not null default now()
);

-- Every version of every course's completion rule; rows are never changed.
create table completion_rule (
    course_code             text        not null,
    version                 integer     not null check (version > 0),
    minimum_attendance_rate numeric     not null check (minimum_attendance_rate > 0 and minimum_attendance_rate <= 1),
    source                  text        not null check (source in ('CONFIG', 'API')),
    defined_at              timestamptz not null,
    primary key (course_code, version)
);

create table completion_rule_assessment (
    course_code     text    not null,
    version         integer not null,
    position        integer not null check (position > 0),
    assessment_code text    not null,
    title           text    not null,
    pass_mark       numeric not null check (pass_mark between 0 and 100),
    primary key (course_code, version, assessment_code),
    unique (course_code, version, position),
    foreign key (course_code, version) references completion_rule (course_code, version)
);

-- One delivery plan per cohort, its current revision; the rule version pinned when it was first published.
create table delivery_plan (
    cohort_id        text primary key references cohort (cohort_id),
    plan_id          uuid        not null unique,
    revision         integer     not null check (revision > 0),
    published_at     timestamptz not null,
    rule_course_code text        not null,
    rule_version     integer     not null,
    closed_at        timestamptz,
    foreign key (rule_course_code, rule_version) references completion_rule (course_code, version)
);

-- What each revision of a plan changed (the sessions of each revision are in its published event).
create table delivery_plan_revision (
    cohort_id       text        not null references delivery_plan (cohort_id),
    revision        integer     not null check (revision > 0),
    hours_scheduled numeric     not null check (hours_scheduled > 0),
    change          text        not null,
    published_at    timestamptz not null,
    primary key (cohort_id, revision)
);

create table planned_session (
    cohort_id    text        not null references delivery_plan (cohort_id),
    session_id   text        not null,
    number       integer     not null check (number > 0),
    sequence     integer     not null check (sequence > 0),
    session_date date        not null,
    topic        text        not null,
    method       text        not null,
    hours        numeric     not null check (hours > 0 and hours <= 12),
    delivered_at timestamptz,
    primary key (cohort_id, session_id)
);

-- Attendance, append-only: a correction is a new row, the latest row per (session, participant) counts.
create table attendance_record (
    record_id      bigint generated always as identity primary key,
    cohort_id      text        not null,
    session_id     text        not null,
    participant_id text        not null,
    hours          numeric     not null check (hours >= 0),
    source         text        not null check (source in ('SINGLE', 'SHEET')),
    sheet_id       uuid,
    recorded_at    timestamptz not null,
    foreign key (cohort_id, session_id) references planned_session (cohort_id, session_id),
    foreign key (cohort_id, participant_id) references roster_entry (cohort_id, participant_id),
    constraint attendance_record_sheet check ((source = 'SHEET') = (sheet_id is not null))
);
create index attendance_record_latest on attendance_record (cohort_id, session_id, participant_id, record_id desc);

-- Assessment scores, append-only: the latest row per (assessment, participant) counts.
create table assessment_result (
    record_id       bigint generated always as identity primary key,
    cohort_id       text        not null,
    assessment_code text        not null,
    participant_id  text        not null,
    score           numeric     not null check (score between 0 and 100),
    recorded_at     timestamptz not null,
    foreign key (cohort_id, participant_id) references roster_entry (cohort_id, participant_id)
);
create index assessment_result_latest on assessment_result (cohort_id, assessment_code, participant_id, record_id desc);

-- Decisions: how they were made, their current revision and reasons.
alter table completion
    add column basis      text    not null default 'STATED_HOURS' check (basis in ('STATED_HOURS', 'RECORDED_DELIVERY')),
    add column revision   integer not null default 0 check (revision >= 0),
    add column reasons    text[]  not null default '{}',
    add column revised_at timestamptz,
    add constraint completion_revision_time check ((revision = 0) = (revised_at is null));
alter table completion alter column basis drop default;

-- Every form a decision took (revision 0 = as first made), with the cause of each revision.
create table completion_revision (
    completion_id   uuid        not null references completion (completion_id),
    revision        integer     not null check (revision >= 0),
    decision        text        not null check (decision in ('COMPLETED', 'NOT_COMPLETED')),
    hours_attended  numeric     not null,
    hours_scheduled numeric     not null,
    attendance_rate numeric     not null,
    reasons         text[]      not null,
    cause           text        not null,
    made_at         timestamptz not null,
    primary key (completion_id, revision)
);

-- The assessment figures of each revision of a decision.
create table completion_assessment (
    completion_id   uuid    not null,
    revision        integer not null,
    position        integer not null check (position > 0),
    assessment_code text    not null,
    title           text    not null,
    score           numeric not null,
    pass_mark       numeric not null,
    passed          boolean not null,
    primary key (completion_id, revision, assessment_code),
    foreign key (completion_id, revision) references completion_revision (completion_id, revision)
);

-- How each cohort's delivery closed: one row per cohort, the summary published with it.
create table delivery_closure (
    cohort_id       text primary key references delivery_plan (cohort_id),
    participants    integer     not null check (participants >= 0),
    completed       integer     not null check (completed >= 0),
    not_completed   integer     not null check (not_completed >= 0),
    completion_rate numeric     not null check (completion_rate between 0 and 1),
    rule_version    text        not null,
    not_decided     text[]      not null,
    closed_at       timestamptz not null,
    constraint delivery_closure_counts check (participants = completed + not_completed)
);

-- Decisions made before this migration get their history row.
insert into completion_revision (completion_id, revision, decision, hours_attended, hours_scheduled, attendance_rate,
                                 reasons, cause, made_at)
select completion_id, 0, decision, hours_attended, hours_scheduled, attendance_rate,
       case when decision = 'NOT_COMPLETED' then array['attendance-below-minimum'] else '{}' end,
       'decided', decided_at
from completion;
update completion set reasons = array['attendance-below-minimum'] where decision = 'NOT_COMPLETED';
