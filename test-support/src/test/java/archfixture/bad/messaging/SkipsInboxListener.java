package archfixture.bad.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Violates consumesThroughTheInbox. */
class SkipsInboxListener {

    int seen;

    @KafkaListener(topics = "seats")
    void on(ConsumerRecord<String, byte[]> record) {
        seen++;
    }
}
