package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aula.certification.domain.SigningKeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link SigningKeyStore} in table {@code signing_key}; a partial unique index allows one active key. */
@Repository
class JdbcSigningKeyStore implements SigningKeyStore {

    private final JdbcClient jdbc;

    JdbcSigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredKey> all() {
        return jdbc.sql("select kid, jwk, created_at, retired_at from signing_key order by retired_at desc nulls first, created_at desc")
                .query(JdbcSigningKeyStore::key)
                .list();
    }

    @Override
    public Optional<StoredKey> active() {
        return jdbc.sql("select kid, jwk, created_at, retired_at from signing_key where retired_at is null")
                .query(JdbcSigningKeyStore::key)
                .optional();
    }

    @Override
    public boolean addActive(StoredKey key) {
        return jdbc.sql("insert into signing_key (kid, jwk, created_at) values (:kid, :jwk, :createdAt) on conflict do nothing")
                .param("kid", key.kid())
                .param("jwk", key.jwk())
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update() == 1;
    }

    @Override
    public boolean retireActive(Instant at) {
        return jdbc.sql("update signing_key set retired_at = :at where retired_at is null")
                .param("at", Timestamp.from(at))
                .update() > 0;
    }

    private static StoredKey key(ResultSet row, int rowNumber) throws SQLException {
        Timestamp retiredAt = row.getTimestamp("retired_at");
        return new StoredKey(row.getString("kid"), row.getString("jwk"), row.getTimestamp("created_at").toInstant(),
                retiredAt == null ? null : retiredAt.toInstant());
    }
}
