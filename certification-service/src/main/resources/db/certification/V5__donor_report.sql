-- Issue 12: the donor report. No names here: opaque participant ids (to count people once), codes,
-- outcomes, hours and dates.

-- Each participant's latest decision in a cohort with the hours attended (course.completed,
-- course.not-completed, completion.revised); a later decision (higher revision, 0 as first decided,
-- then later time) replaces an earlier one.
create table report_participation (
    participant_id   text          not null,
    cohort_id        text          not null,
    cohort_code      text          not null,
    course_code      text          not null,
    institution_code text          not null,
    outcome          text          not null,
    hours_attended   numeric(9, 2) not null,
    decided_at       timestamptz   not null,
    revision         integer       not null default 0,
    primary key (participant_id, cohort_id),
    constraint report_participation_outcome check (outcome in ('COMPLETED', 'NOT_COMPLETED')),
    constraint report_participation_hours check (hours_attended >= 0),
    constraint report_participation_revision check (revision >= 0)
);
create index report_participation_by_cohort on report_participation (cohort_id);

-- Each cohort's dates (cohort.scheduled, and the dates course.completed carries): the report's
-- months and quarters are the course's, not processing time.
create table report_cohort (
    cohort_id   text primary key,
    cohort_code text not null,
    course_code text not null,
    start_date  date not null,
    end_date    date not null,
    constraint report_cohort_dates_in_order check (end_date >= start_date)
);

-- Cohorts certified before this migration: their dates are on the certificates.
insert into report_cohort (cohort_id, cohort_code, course_code, start_date, end_date)
select distinct on (cohort_id) cohort_id, cohort_code, course_code, start_date, end_date
from certificate
order by cohort_id, issued_at desc;
