-- Issue 6: erasure of a participant's personal data. The row stays (enrolments, seats and counts refer to it);
-- name, e-mail address and position are replaced, and when is recorded.
alter table participant add column erased_at timestamptz;

-- An erased participant keeps no personal data: the fixed name, no position, and an address at the reserved
-- domain erased.invalid made of its id (unique, and telling nothing about the address it replaced).
alter table participant add constraint participant_erased_keeps_no_personal_data
    check (erased_at is null
           or (name = 'Erased participant' and position is null and email = 'erased-' || id || '@erased.invalid'));
