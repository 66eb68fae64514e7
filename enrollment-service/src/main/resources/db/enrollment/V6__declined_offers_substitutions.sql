-- Issue 12, partner self-service: an offer can be declined for the official (they keep their waitlist place and
-- the seat is offered to the next in line). A declined offer records when; no other does.
alter table seat_offer drop constraint seat_offer_status_check;
alter table seat_offer add constraint seat_offer_status_check check (status in ('PENDING', 'ACCEPTED', 'DECLINED'));
alter table seat_offer add column declined_at timestamptz;
alter table seat_offer add constraint seat_offer_declined_when check ((status = 'DECLINED') = (declined_at is not null));
