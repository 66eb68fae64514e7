package org.aula.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RequireTest {

    @Test
    void textIsStrippedAndRefusedWhenBlankOrMissing() {
        assertThat(Require.text("  Belmopan ", "place")).isEqualTo("Belmopan");
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text(" ", "place")).withMessage("place is required");
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text(null, "place")).withMessage("place is required");
    }

    @Test
    void textLongerThanItsLimitIsRefusedWithoutEchoingIt() {
        assertThat(Require.text("abc", "code", 3)).isEqualTo("abc");
        assertThatIllegalArgumentException().isThrownBy(() -> Require.text("secret-name", "name", 4))
                .withMessage("name is longer than 4 characters")
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain("secret"));
    }

    @Test
    void numbersAreCheckedAgainstTheirBounds() {
        assertThat(Require.positive(1, "seats")).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> Require.positive(0, "seats")).withMessage("seats must be positive");
        assertThat(Require.notNegative(0, "quota")).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> Require.notNegative(-1, "quota"));
        assertThat(Require.inRange(25, 1, 25, "quota")).isEqualTo(25);
        assertThatIllegalArgumentException().isThrownBy(() -> Require.inRange(26, 1, 25, "quota"))
                .withMessage("quota must be between 1 and 25");
    }

    @Test
    void decimalsAreComparedByValueNotScale() {
        assertThat(Require.inRange(new BigDecimal("40.0"), BigDecimal.ZERO, new BigDecimal("40"), "hours"))
                .isEqualByComparingTo("40");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.inRange(new BigDecimal("40.5"), BigDecimal.ZERO, new BigDecimal("40"), "hours"))
                .withMessage("hours must be between 0 and 40");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.inRange(null, BigDecimal.ZERO, BigDecimal.TEN, "hours"))
                .withMessage("hours is required");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThat(Require.present("x", "course")).isEqualTo("x");
        assertThatIllegalArgumentException().isThrownBy(() -> Require.present(null, "course")).withMessage("course is required");
    }
}
