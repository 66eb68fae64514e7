package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The production profile's console: one ECS JSON object a line, with the trace and span ids of the work it logs. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final Logger log = LoggerFactory.getLogger(StructuredLogsTest.class);

    @Test
    void theProductionProfileLogsJsonLinesCarryingTraceAndSpanIds(CapturedOutput output) {
        String[] ids = new String[2];
        try (ConfigurableApplicationContext context = tracingOnly("production")) {
            Tracer tracer = context.getBean(Tracer.class);
            Observation.createNotStarted("http.server.requests", context.getBean(ObservationRegistry.class)).observe(() -> {
                ids[0] = tracer.currentSpan().context().traceId();
                ids[1] = tracer.currentSpan().context().spanId();
                log.info("participant enrolled in cohort-42");
            });
        }

        JsonNode line = lineWith(output, "participant enrolled in cohort-42");
        assertThat(line.path("message").asString()).isEqualTo("participant enrolled in cohort-42");
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(line.path("ecs").path("version").asString()).isNotBlank();
        assertThat(line.path("traceId").asString()).as(line.toString()).isEqualTo(ids[0]);
        assertThat(line.path("spanId").asString()).as(line.toString()).isEqualTo(ids[1]);
    }

    @Test
    void withoutTheProductionProfileTheConsoleStaysPlainText() {
        try (ConfigurableApplicationContext context = tracingOnly()) {
            assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isNull();
        }
    }

    private static ConfigurableApplicationContext tracingOnly(String... profiles) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(TracingOnly.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .properties("spring.main.banner-mode=off", "spring.config.name=structured-logs-test",
                        // Production also insists on a token issuer (ProductionChecks).
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.org/realms/aula");
        if (profiles.length > 0) {
            application.properties("logging.config=classpath:logback-structured-test.xml");
        }
        return application.run();
    }

    private static JsonNode lineWith(CapturedOutput output, String message) {
        List<String> lines = output.getOut().lines().filter(line -> line.contains(message)).toList();
        assertThat(lines).as(output.getOut()).hasSize(1);
        return JsonMapper.shared().readTree(lines.get(0));
    }

    /** Tracing and nothing else: no database, no Kafka. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ObservationAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
            OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class})
    static class TracingOnly {
    }
}
