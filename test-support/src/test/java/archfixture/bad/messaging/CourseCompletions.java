package archfixture.bad.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import archfixture.shared.Inbox;

/** Violates listenersEndWithListener (it does consume through the inbox). */
class CourseCompletions {

    private final Inbox inbox = new Inbox();

    @KafkaListener(topics = "completions")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record);
    }
}
