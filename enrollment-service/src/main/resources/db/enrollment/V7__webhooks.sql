-- Webhooks for partners without Kafka (issue 12): subscriptions, the partner events they are fed from (kept for
-- replay), and one delivery row per event and subscription, whose retry schedule lives here so that a restart
-- loses nothing.

create table webhook_subscription (
    id                     uuid primary key,
    institution_code       text        not null,
    url                    text        not null,
    -- null: every event type of the institution's feed
    types                  text[],
    status                 text        not null check (status in ('ACTIVE', 'PAUSED', 'SUSPENDED')),
    secret                 bytea       not null,
    previous_secret        bytea,
    previous_secret_until  timestamptz,
    created_at             timestamptz not null,
    status_changed_at      timestamptz not null,
    -- the subscription's own back-off: a dead receiver gets one probe per period, not one per pending cohort
    consecutive_failures   integer     not null default 0 check (consecutive_failures >= 0),
    retry_at               timestamptz,
    check ((previous_secret is null) = (previous_secret_until is null))
);

create index webhook_subscription_institution on webhook_subscription (institution_code);

-- The events of the partner feeds, as delivered (CloudEvents structured mode, data included).
create table webhook_event (
    seq              bigserial   primary key,
    institution_code text        not null,
    event_id         text        not null,
    event_type       text        not null,
    event_key        text        not null,
    event_time       timestamptz not null,
    body             text        not null,
    received_at      timestamptz not null,
    unique (institution_code, event_id)
);

create index webhook_event_time on webhook_event (institution_code, event_time, seq);

create table webhook_delivery (
    id               bigserial   primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_seq        bigint      not null references webhook_event (seq),
    event_key        text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null,
    created_at       timestamptz not null,
    first_failed_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    replay           boolean     not null default false
);

-- What is due; and the head of each (subscription, key), which keeps a cohort's order.
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_open on webhook_delivery (subscription_id, event_key, id) where status <> 'DELIVERED';
create index webhook_delivery_log on webhook_delivery (subscription_id, id);
