-- The write: how often each cohort filled (the use case's own table).
create table cohort_fills (
    cohort_id text primary key,
    fills     int  not null
);

-- The effect: one row per fill the listener applied, in the order it applied them. No unique key
-- on purpose: a fill applied twice must show up as two rows.
create table observed_fill (
    seq         bigserial primary key,
    cohort_id   text not null,
    fill_number int  not null
);
