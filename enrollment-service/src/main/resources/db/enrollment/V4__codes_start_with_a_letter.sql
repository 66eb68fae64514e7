-- Issue 6: catalogue codes start with a letter, so that a code is never mistaken for a number or an id (the
-- hostile-input probe showed that 99999999999999999999 or 00000000-0000-0000-0000-00000000000Z were accepted as
-- codes, and a PUT on them created catalogue entries). The seed's codes (IMMIGRATION, POLICE, BMM, DMM-GU, ...)
-- all do; should a database hold one that does not, this migration fails and names the constraint.
alter table institution drop constraint institution_code_check;
alter table institution add constraint institution_code_format check (code ~ '^[A-Z][A-Z0-9_-]{1,29}$');
alter table course drop constraint course_code_check;
alter table course add constraint course_code_format check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$');
alter table programme drop constraint programme_code_check;
alter table programme add constraint programme_code_format check (code ~ '^[A-Z][A-Z0-9_-]{1,39}$');
