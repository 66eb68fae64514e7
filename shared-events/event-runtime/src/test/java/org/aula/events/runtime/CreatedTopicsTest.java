package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class CreatedTopicsTest {

    @Test
    void topicsReplicatedThreeTimesNeedTwoInSyncReplicasForAnAcknowledgedWrite() {
        MessagingProperties production = new MessagingProperties("/aula/test", null, null,
                new MessagingProperties.Topics(true, 6, (short) 3));

        assertThat(MessagingAutoConfiguration.topics(production))
                .hasSize(6)
                .allSatisfy(topic -> {
                    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
                    assertThat(topic.numPartitions()).isEqualTo(6);
                    assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
                })
                .extracting(NewTopic::name).contains("enrollment.events", "enrollment.events-dlt");
    }

    @Test
    void aSingleBrokerKeepsOneInSyncReplicaAndAnOperatorMaySetIt() {
        MessagingProperties local = new MessagingProperties("/aula/test", null, null, null);
        assertThat(MessagingAutoConfiguration.topics(local))
                .allSatisfy(topic -> assertThat(topic.configs()).containsEntry("min.insync.replicas", "1"));
        MessagingProperties.Topics chosen = new MessagingProperties.Topics(true, 3, (short) 5, 3);
        assertThat(chosen.effectiveMinInsyncReplicas()).isEqualTo(3);
    }
}
