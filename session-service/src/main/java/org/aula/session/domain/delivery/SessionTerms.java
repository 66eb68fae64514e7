package org.aula.session.domain.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.aula.kernel.Require;
import org.aula.session.domain.Decimals;

/** What a session of a delivery plan is: its day, topic, method and hours (more than 0, at most 12). */
public record SessionTerms(LocalDate date, String topic, DeliveryMethod method, BigDecimal hours) {

    /** The longest session a day can hold. */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(12);

    public SessionTerms {
        Objects.requireNonNull(date, "date");
        topic = Require.text(topic, "topic");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hours, "hours");
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new IllegalArgumentException("session hours must lie in (0, 12]");
        }
        hours = Decimals.normal(hours);
    }
}
