package org.aula.certification.web;

import java.util.List;
import java.util.Locale;

import org.aula.certification.domain.Language;
import org.jspecify.annotations.Nullable;

/**
 * The language a reader asks for: {@code ?lang=es} first, else the first of {@code Accept-Language}
 * that certificates are made out in (English or Spanish); none: the awarding's language. An
 * unreadable {@code Accept-Language} is ignored, as browsers' odd ones must not fail a download.
 */
final class RequestedLanguage {

    /** What {@code lang} may be. */
    static final String TAG = "en|es";

    private RequestedLanguage() {
    }

    static @Nullable Language of(@Nullable String lang, @Nullable String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return Language.ofTag(lang).orElse(null);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                Language language = Language.ofTag(range.getRange()).orElse(null);
                if (language != null) {
                    return language;
                }
            }
        }
        return null;
    }
}
