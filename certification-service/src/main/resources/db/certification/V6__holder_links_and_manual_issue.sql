-- Issue 14: the holder's copy (a link the holder opens without an account) and certificates
-- issued by hand by staff, with who and why.

-- A link is found by the SHA-256 of its token; the token itself is never stored.
create table holder_link (
    id                uuid        primary key,
    certificate_id    uuid        not null references certificate (id),
    token_sha256      bytea       not null unique check (length(token_sha256) = 32),
    created_at        timestamptz not null,
    created_by        text        not null,
    reason            text        not null,
    expires_at        timestamptz,
    revoked_at        timestamptz,
    revoked_by        text,
    revocation_reason text,
    check ((revoked_at is null) = (revoked_by is null) and (revoked_at is null) = (revocation_reason is null))
);

create index holder_link_certificate on holder_link (certificate_id);

-- Who issued a certificate by hand, and why (the certificate itself is in table certificate).
create table manual_issue (
    certificate_id uuid        primary key references certificate (id),
    issued_by      text        not null,
    reason         text        not null,
    issued_at      timestamptz not null
);
