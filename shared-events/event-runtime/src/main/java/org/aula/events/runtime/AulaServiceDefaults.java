package org.aula.events.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every Aula service shares, added with the lowest precedence so a service's
 * {@code application.yml} or an operator's environment variable still wins. They make the
 * messaging promises hold: byte-exact JSON values, acks from all replicas, idempotent producers,
 * offsets committed only after the listener's database transaction, trace context across Kafka,
 * readiness that reflects the database (not Kafka), problem+json errors; under the {@value #PRODUCTION_PROFILE}
 * profile, structured JSON logs on the console.
 */
public class AulaServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String NAME = "aulaServiceDefaults";

    /** The Spring profile of a real deployment ({@code SPRING_PROFILES_ACTIVE=production}): JSON logs, and strict start-up checks. */
    public static final String PRODUCTION_PROFILE = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,sbom,deadletters,outbox");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Probes need only the status; the details (database, Kafka cluster id, disk path) are for operations.
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.roles", "OPERATIONS");
        // Readiness is what the API itself needs: its database. Kafka stays out of it (it is in the health details
        // and in the alerts): the outbox exists so that work is accepted while the broker is away, and a broker
        // outage must not take every pod of every service, public verification included, out of the load balancer.
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        // Spring Security's own observations (a span per filter, per authentication, per authorization) cost about
        // 11 % of a request's CPU in the profile (issue 11); the HTTP server observation still traces each request.
        defaults.put("management.observations.enable.spring.security", "false");
        // Trace exemplars only where every Prometheus 2.x accepts them (counters' _total, histogram buckets).
        // Micrometer also puts them on the _count of timers and summaries, which Prometheus before 2.43
        // (Debian 12 ships 2.42) refuses with "does not support exemplars", dropping the whole scrape.
        defaults.put("management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]", "false");
        if (environment.matchesProfiles(PRODUCTION_PROFILE)) {
            // One JSON object a line (Elastic Common Schema), traceId and spanId included, for the log pipeline;
            // the local platform and a developer's console stay plain text (with the ids in brackets).
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
