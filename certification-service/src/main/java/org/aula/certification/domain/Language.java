package org.aula.certification.domain;

import java.util.Locale;
import java.util.Optional;

/** A language certificates and credentials are made out in: English (the default) or Spanish. */
public enum Language {
    EN("en"),
    ES("es");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as in {@code @language} and {@code lang}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of a tag such as {@code es}, {@code es-BZ} or {@code EN}; empty for any other. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
