package archfixture.bad.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Violates publishesOnlyThroughTheOutbox: a send next to whatever else it writes. */
class SendsDirectly {

    void send(KafkaProducer<String, byte[]> producer) {
        producer.send(new ProducerRecord<>("seats", new byte[0]));
    }
}
