package org.aula.reliability.consumer;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.aula.reliability.consumer.app.FillListener;
import org.aula.reliability.consumer.app.FillsApplication;
import org.aula.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Starts {@link FillsApplication} for one run: its own database, consumer group and keys. */
final class FillsApp {

    private FillsApp() {
    }

    static String group(String run) {
        return "fills-" + run;
    }

    /** Command-line arguments of the app; {@code extra} ones ({@code --name=value}) replace the defaults of the same name. */
    static List<String> arguments(String run, String jdbcUrl, String... extra) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        List<String> args = new ArrayList<>(List.of(
                "--spring.application.name=" + group(run),
                "--fills.run=" + run,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--spring.flyway.locations=classpath:db/consumer-fills",
                "--aula.messaging.source=/aula/reliability-fills",
                "--aula.messaging.relay.enabled=false"));
        for (String override : extra) {
            String name = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(name));
            args.add(override);
        }
        return args;
    }

    /** Starts the app and returns once its listener has been given its partitions. */
    static ConfigurableApplicationContext start(String run, String jdbcUrl, String... extra) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(FillsApplication.class)
                .run(arguments(run, jdbcUrl, extra).toArray(String[]::new));
        MessageListenerContainer listener = app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(FillListener.ID);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var assigned = listener.getAssignedPartitions();
            return assigned != null && !assigned.isEmpty();
        });
        return app;
    }
}
