package org.aula.enrollment.domain.webhook;

import java.time.Instant;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.kernel.Require;

/**
 * One event of an institution's partner feed, ready to deliver: its CloudEvents id, type, Kafka key (cohort or
 * participant id: the unit of order), time, and the body sent (the CloudEvent in structured mode, data included).
 */
public record PartnerEvent(InstitutionCode institution, String id, String type, String key, Instant time, String body) {

    public PartnerEvent {
        Require.present(institution, "institution");
        Require.text(id, "id");
        Require.text(type, "type");
        Require.present(key, "key");
        Require.present(time, "time");
        Require.text(body, "body");
    }

    @Override
    public String toString() {
        // The body names officials: ids only.
        return "PartnerEvent[" + institution + ", " + id + ", " + type + "]";
    }
}
