package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessagingPropertiesTest {

    @Test
    void everyKnobHasItsDefaultWhenNothingIsSet() {
        MessagingProperties properties = bind(Map.of());

        assertThat(properties.relay()).isEqualTo(new MessagingProperties.Relay(true, 500, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofDays(7)));
        assertThat(properties.retry()).isEqualTo(new MessagingProperties.Retry(Duration.ofMillis(200), 2.0,
                Duration.ofSeconds(5), 4));
        assertThat(properties.topics()).isEqualTo(new MessagingProperties.Topics(true, 3, (short) 1));
    }

    @Test
    void settingOneKnobOfAGroupKeepsTheOthersAtTheirDefaults() {
        MessagingProperties topics = bind(Map.of("aula.messaging.topics.replication-factor", "3"));
        MessagingProperties relay = bind(Map.of("aula.messaging.relay.batch-size", "100"));

        assertThat(topics.topics()).isEqualTo(new MessagingProperties.Topics(true, 3, (short) 3));
        assertThat(relay.relay().enabled()).isTrue();
        assertThat(relay.relay().batchSize()).isEqualTo(100);
        assertThat(relay.relay().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    private static MessagingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("aula.messaging", MessagingProperties.class);
    }
}
