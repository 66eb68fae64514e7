package org.aula.certification;

import org.aula.events.EventCatalog;
import org.aula.events.runtime.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading published events back as a consumer would. */
final class Events {

    private Events() {
    }

    static boolean isCertificateIssuedTo(ConsumerRecord<String, byte[]> record, String participantId) {
        IncomingEvent event = IncomingEvent.from(record);
        return event.type().equals(EventCatalog.CERTIFICATE_ISSUED.type()) && participantId.equals(event.key());
    }

    static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JsonMapper.shared().readTree(IncomingEvent.from(record).data());
    }
}
