package archfixture.good.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import archfixture.good.application.TakeSeat;
import archfixture.shared.Inbox;

class SeatsListener {

    private final Inbox inbox;
    private final TakeSeat takeSeat;

    SeatsListener(Inbox inbox, TakeSeat takeSeat) {
        this.inbox = inbox;
        this.takeSeat = takeSeat;
    }

    @KafkaListener(topics = "seats")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record);
        takeSeat.take(record.key());
    }
}
