package org.aula.session.domain;

import java.math.BigDecimal;

/** One written form per number: {@code 40}, {@code 40.0} and {@code 4E+1} are the same figure, and compare equal. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
