package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aula.certification.domain.Awarding;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisation;
import org.aula.certification.domain.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Organisations} in tables {@code organisation} and {@code awarding}. */
@Repository
class JdbcOrganisations implements Organisations {

    private final JdbcClient jdbc;

    JdbcOrganisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void name(String code, String name, Instant at) {
        jdbc.sql("""
                insert into organisation (code, name, named_at) values (:code, :name, :at)
                on conflict (code) do update set name = excluded.name, named_at = excluded.named_at
                """)
                .param("code", code)
                .param("name", name)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public boolean giveLogo(String code, byte[] png) {
        return jdbc.sql("update organisation set logo_png = :png where code = :code")
                .param("png", png)
                .param("code", code)
                .update() == 1;
    }

    @Override
    public Optional<byte[]> logo(String code) {
        return jdbc.sql("select logo_png from organisation where code = :code and logo_png is not null")
                .param("code", code)
                .query((row, rowNumber) -> row.getBytes("logo_png"))
                .optional();
    }

    @Override
    public Optional<Organisation> withCode(String code) {
        return jdbc.sql("select code, name, logo_png is not null as has_logo from organisation where code = :code")
                .param("code", code)
                .query(JdbcOrganisations::organisation)
                .optional();
    }

    @Override
    public List<Organisation> all() {
        return jdbc.sql("select code, name, logo_png is not null as has_logo from organisation order by code")
                .query(JdbcOrganisations::organisation)
                .list();
    }

    @Override
    public void define(Awarding awarding) {
        jdbc.sql("""
                insert into awarding (scope, code, defined_at, organisation_codes, language, title_en, title_es)
                values (:scope, :code, :definedAt, :organisations, :language, :titleEn, :titleEs)
                on conflict (scope, code, defined_at) do update set
                    organisation_codes = excluded.organisation_codes, language = excluded.language,
                    title_en = excluded.title_en, title_es = excluded.title_es
                """)
                .param("scope", awarding.scope().name())
                .param("code", awarding.code())
                .param("definedAt", Timestamp.from(awarding.definedAt()))
                .param("organisations", awarding.organisationCodes().toArray(String[]::new))
                .param("language", awarding.language().tag())
                .param("titleEn", awarding.titles().get(Language.EN))
                .param("titleEs", awarding.titles().get(Language.ES))
                .update();
    }

    @Override
    public Optional<Awarding> inForce(Awarding.Scope scope, String code, Instant at) {
        // The latest defined at or before `at`; failing that, the earliest.
        return jdbc.sql("""
                select scope, code, defined_at, organisation_codes, language, title_en, title_es from awarding
                where scope = :scope and code = :code
                order by defined_at <= :at desc,
                         case when defined_at <= :at then defined_at end desc,
                         defined_at
                limit 1
                """)
                .param("scope", scope.name())
                .param("code", code)
                .param("at", Timestamp.from(at))
                .query(JdbcOrganisations::awarding)
                .optional();
    }

    private static Organisation organisation(ResultSet row, int rowNumber) throws SQLException {
        return new Organisation(row.getString("code"), row.getString("name"), row.getBoolean("has_logo"));
    }

    private static Awarding awarding(ResultSet row, int rowNumber) throws SQLException {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        if (row.getString("title_en") != null) {
            titles.put(Language.EN, row.getString("title_en"));
        }
        if (row.getString("title_es") != null) {
            titles.put(Language.ES, row.getString("title_es"));
        }
        return new Awarding(Awarding.Scope.valueOf(row.getString("scope")), row.getString("code"),
                JdbcCertificates.texts(row, "organisation_codes"),
                Language.ofTag(row.getString("language")).orElseThrow(), titles, row.getTimestamp("defined_at").toInstant());
    }
}
