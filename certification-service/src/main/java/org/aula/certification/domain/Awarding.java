package org.aula.certification.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.aula.kernel.Require;

/**
 * Who awards a course's certificates or a programme's diploma, and the language they are made out
 * in. One definition holds from {@code definedAt} until the next: a certificate is awarded under
 * the definition in force when it was issued, so a later change does not rewrite what it says.
 *
 * @param scope             a course's certificates or a programme's diploma
 * @param code              the course or programme code
 * @param organisationCodes the awarding organisations, first the lead one; one to {@value #MAX_ORGANISATIONS}
 * @param language          the language certificates are made out in, unless a reader asks for another
 * @param titles            the course's or programme's title by language, where it differs from the catalogue's
 *                          (which the events carry, in one language)
 * @param definedAt         from when it holds
 */
public record Awarding(Scope scope, String code, List<String> organisationCodes, Language language,
        Map<Language, String> titles, Instant definedAt) {

    public static final int MAX_TITLE_LENGTH = 300;

    public static final int MAX_ORGANISATIONS = 5;

    /** What an awarding definition is for. */
    public enum Scope {
        COURSE,
        PROGRAMME
    }

    public Awarding {
        Require.present(scope, "scope");
        code = Require.text(code, "code");
        Require.present(organisationCodes, "organisations");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        organisationCodes.forEach(organisation -> distinct.add(Require.text(organisation, "organisation code")));
        if (distinct.isEmpty() || distinct.size() > MAX_ORGANISATIONS) {
            throw new IllegalArgumentException("organisations must name 1 to " + MAX_ORGANISATIONS + " distinct organisations");
        }
        organisationCodes = List.copyOf(distinct);
        Require.present(language, "language");
        Require.present(titles, "titles");
        titles.forEach((titleLanguage, title) -> Require.text(title, "title", MAX_TITLE_LENGTH));
        titles = Map.copyOf(titles);
        Require.present(definedAt, "defined at");
    }
}
