-- The W3C trace context (traceparent) of the request that appended the event, if it was traced; the relay sends it
-- as the record's traceparent header, so the consumers' work joins the caller's trace. Rows from before stay null.
alter table outbox add column traceparent text;
