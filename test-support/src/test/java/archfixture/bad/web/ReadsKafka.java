package archfixture.bad.web;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Violates kafkaStaysInMessaging. */
class ReadsKafka {

    String key(ConsumerRecord<String, byte[]> record) {
        return record.key();
    }
}
