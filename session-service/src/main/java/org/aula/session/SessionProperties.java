package org.aula.session;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * Operator knobs of the session service ({@code aula.session.*}).
 *
 * @param completion how completions are decided
 */
@Validated
@ConfigurationProperties("aula.session")
public record SessionProperties(@Valid @DefaultValue CompletionSettings completion) {

    /**
     * How completions are decided ({@code aula.session.completion.*}).
     *
     * @param minimumAttendanceRate share of the course's scheduled hours a participant must attend to
     *                              complete, in (0, 1]; default 0.80. It is part of the rule version
     *                              recorded with each decision ({@code attendance-min-80.v1})
     */
    public record CompletionSettings(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            @DefaultValue("0.80") BigDecimal minimumAttendanceRate) {
    }
}
