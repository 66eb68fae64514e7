package org.aula.certification.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.ManualIssues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link ManualIssues} in table {@code manual_issue}. */
@Repository
class JdbcManualIssues implements ManualIssues {

    private final JdbcClient jdbc;

    JdbcManualIssues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(CertificateId certificate, String issuedBy, String reason, Instant issuedAt) {
        jdbc.sql("insert into manual_issue (certificate_id, issued_by, reason, issued_at) values (:id, :by, :reason, :at)")
                .param("id", certificate.value())
                .param("by", issuedBy)
                .param("reason", reason)
                .param("at", Timestamp.from(issuedAt))
                .update();
    }
}
