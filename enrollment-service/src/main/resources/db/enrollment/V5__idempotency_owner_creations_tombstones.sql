-- Issue 9: Idempotency-Key edges.
--  * owner: each reservation of a key (the first, and each takeover of an abandoned one) is one run of the request,
--    with its own token; only that run may store the answer or free the key. A run that was taken over (it outlived
--    in-progress-timeout) then leaves the key to the run that took it over.
--  * created_resource: what the run created, written in the run's own transaction (committed with the creation),
--    so that a retry after a crash between that commit and the storing of the answer can answer the creation.
--  * ERASED: a tombstone left by a participant's erasure in place of an answer that named them: the key stays
--    taken (a repeat is answered 410, never run again), with no answer and no hash of the request.
alter table idempotent_request add column owner uuid;
alter table idempotent_request add column created_resource text;
alter table idempotent_request drop constraint idempotent_request_state_check;
alter table idempotent_request add constraint idempotent_request_state_check
    check (state in ('IN_PROGRESS', 'COMPLETED', 'ERASED'));
