-- Issue 11: issuing a certificate first looks for one already issued for the completion or for the
-- participant in the cohort (JdbcCertificates.issuedFor, revoked ones included). Since V3 the only index on
-- completion_id is partial (standing certificates), so that "or" could not use an index on both sides and
-- PostgreSQL read the whole table for every completion: 2.8 ms a look-up with 24,000 certificates in the
-- benchmark, growing with the table. With this index the look-up is two index scans.
create index certificate_by_completion on certificate (completion_id);
