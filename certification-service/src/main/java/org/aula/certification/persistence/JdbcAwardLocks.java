package org.aula.certification.persistence;

import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link AwardLocks} as PostgreSQL transaction-level advisory locks: released at commit or
 * rollback, and visible to every replica of the service. Under READ COMMITTED the statements after
 * a lock see what the transaction that held it committed.
 */
@Repository
class JdbcAwardLocks implements AwardLocks {

    /** Lock namespaces (the first key of the two-key form), so they cannot meet other advisory locks. */
    private static final int PROGRAMMES = 0x41554C01;
    private static final int PARTICIPANTS = 0x41554C02;

    private final JdbcClient jdbc;

    JdbcAwardLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void programmesForReading() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock_shared(:namespace, 0)) locked")
                .param("namespace", PROGRAMMES).query(Integer.class).single();
    }

    @Override
    public void programmesForChanging() {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:namespace, 0)) locked")
                .param("namespace", PROGRAMMES).query(Integer.class).single();
    }

    @Override
    public void participant(ParticipantId participant) {
        // Two participants may share a hash: they then wait for each other, which is only slower.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:namespace, hashtext(:participantId))) locked")
                .param("namespace", PARTICIPANTS).param("participantId", participant.value())
                .query(Integer.class).single();
    }
}
