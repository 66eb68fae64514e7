package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.HolderLink;
import org.aula.certification.domain.HolderLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link HolderLinks} in table {@code holder_link}: the token's SHA-256, never the token. */
@Repository
class JdbcHolderLinks implements HolderLinks {

    private static final String COLUMNS = "id, certificate_id, token_sha256, created_at, created_by, reason, expires_at, revoked_at";

    private final JdbcClient jdbc;

    JdbcHolderLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(HolderLink link) {
        jdbc.sql("""
                insert into holder_link (id, certificate_id, token_sha256, created_at, created_by, reason, expires_at)
                values (:id, :certificateId, :hash, :createdAt, :createdBy, :reason, :expiresAt)
                """)
                .param("id", link.id())
                .param("certificateId", link.certificateId().value())
                .param("hash", link.tokenHash())
                .param("createdAt", Timestamp.from(link.createdAt()))
                .param("createdBy", link.createdBy())
                .param("reason", link.reason())
                .param("expiresAt", link.expiresAt() == null ? null : Timestamp.from(link.expiresAt()))
                .update();
    }

    @Override
    public Optional<HolderLink> withTokenHash(byte[] tokenHash) {
        return jdbc.sql("select %s from holder_link where token_sha256 = :hash".formatted(COLUMNS))
                .param("hash", tokenHash)
                .query(JdbcHolderLinks::link)
                .optional();
    }

    @Override
    public Optional<HolderLink> withId(UUID id) {
        return jdbc.sql("select %s from holder_link where id = :id".formatted(COLUMNS))
                .param("id", id)
                .query(JdbcHolderLinks::link)
                .optional();
    }

    @Override
    public List<HolderLink> unrevokedOf(CertificateId certificate) {
        return jdbc.sql("select %s from holder_link where certificate_id = :certificateId and revoked_at is null order by created_at"
                        .formatted(COLUMNS))
                .param("certificateId", certificate.value())
                .query(JdbcHolderLinks::link)
                .list();
    }

    @Override
    public boolean revoke(UUID link, Instant at, String by, String reason) {
        return jdbc.sql("""
                update holder_link set revoked_at = :at, revoked_by = :by, revocation_reason = :reason
                where id = :id and revoked_at is null
                """)
                .param("id", link)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("reason", reason)
                .update() == 1;
    }

    private static HolderLink link(ResultSet row, int rowNumber) throws SQLException {
        return new HolderLink(row.getObject("id", UUID.class), new CertificateId(row.getObject("certificate_id", UUID.class)),
                row.getBytes("token_sha256"), row.getTimestamp("created_at").toInstant(), row.getString("created_by"),
                row.getString("reason"), instant(row.getTimestamp("expires_at")), instant(row.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
