package org.aula.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a free-text field accepts: a visible character, no control character, no unpaired surrogate. */
class PlainTextTest {

    private final PlainText.Validator validator = new PlainText.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"Constant Pascascio", "Tanya Núñez", "e\u0301\u0301", "\uD83D\uDE00 emoji", "' OR 1=1 --",
            "<script>alert(1)</script>", "Inspector\u00A0General"})
    void acceptsTextWithAVisibleCharacter(String text) {
        assertThat(validator.isValid(text, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000", "\u2003\u2003", "\u0000", "probe\u0000probe", "a\r\nX-Injected: 1", "tab\there",
            "\u001B[31mred", "\uD800", "\uDFFF\uD800", "x\u0085y"})
    void refusesBlanksControlCharactersAndUnpairedSurrogates(String text) {
        assertThat(validator.isValid(text, null)).isFalse();
    }

    @Test
    void leavesAnAbsentValueToNotNull() {
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
