-- Aula messaging tables, kept in their own schema and Flyway history so that the runtime can
-- evolve them without colliding with a service's own migrations.

-- The transactional outbox, in the shape Debezium uses (aggregate type and id, type, payload).
-- seq orders the relay; rows of one aggregate are appended under that aggregate's row lock,
-- so seq order is commit order per key.
create table outbox (
    seq            bigserial primary key,
    id             uuid        not null unique,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    type           text        not null,
    topic          text        not null,
    subject        text,
    payload        text        not null,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);

create index outbox_unpublished on outbox (seq) where published_at is null;

-- The inbox: one row per event a consumer has applied; the primary key rejects a repeat.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
