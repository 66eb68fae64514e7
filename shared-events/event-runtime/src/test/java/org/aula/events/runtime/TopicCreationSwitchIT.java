package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * The production switch: with {@code aula.messaging.topics.create=false} (topics come from Strimzi KafkaTopics,
 * deploy/kubernetes/kafka) the runtime declares no topic, so Spring's {@link KafkaAdmin}, which creates at start-up
 * exactly the {@link NewTopic} and {@link KafkaAdmin.NewTopics} beans of the context, creates none, and the
 * service still starts. Its own database and consumer group, so it touches no other test.
 */
@SpringBootTest(properties = {"aula.test.database=runtime_topics_off", "aula.test.group=runtime-topics-off",
        "aula.messaging.topics.create=false"})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class TopicCreationSwitchIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    MessagingProperties properties;

    @Test
    void withTopicCreationOffTheRuntimeDeclaresNoTopicForTheAdminToCreate() {
        assertThat(properties.topics().create()).isFalse();
        assertThat(context.getBeansOfType(KafkaAdmin.NewTopics.class)).isEmpty();
        assertThat(context.getBeansOfType(NewTopic.class)).isEmpty();
        // The partitions and replication factor still bind (enrollment-service's partner feeds use them).
        assertThat(properties.topics().partitions()).isEqualTo(3);
    }
}
