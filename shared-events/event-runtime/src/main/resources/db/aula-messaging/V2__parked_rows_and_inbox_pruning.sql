-- A row the broker refuses for good (e.g. too large) is parked with its reason instead of being resent for
-- ever; the relay holds back the later rows of its key until an operator retries or skips it.
alter table outbox add column parked_at timestamptz;
alter table outbox add column park_reason text;

create index outbox_parked on outbox (aggregate_id) where parked_at is not null and published_at is null;

-- The inbox is pruned past its retention, oldest first.
create index processed_event_processed_at on processed_event (processed_at);
