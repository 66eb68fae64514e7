package org.aula.certification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The organisations known by name, their logos, and who awards which course and programme (the
 * port; persistence implements it).
 */
public interface Organisations {

    /** Names an organisation, or renames it (its logo stays). */
    void name(String code, String name, Instant at);

    /** Gives a known organisation a logo (a PNG); false when no organisation has this code. */
    boolean giveLogo(String code, byte[] png);

    Optional<byte[]> logo(String code);

    Optional<Organisation> withCode(String code);

    /** Every named organisation, by code. */
    List<Organisation> all();

    /** Records a definition; it holds from its {@code definedAt}. */
    void define(Awarding awarding);

    /**
     * The definition in force at {@code at}: the latest defined at or before it, or, for what was
     * issued before the first definition, the first one (so older certificates name their awarding
     * organisations too once they are defined).
     */
    Optional<Awarding> inForce(Awarding.Scope scope, String code, Instant at);
}
