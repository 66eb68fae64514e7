package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * {@code org.aula.certification.holder-link.sent.v1} on {@code certification.events}, key {@code participantId}:
 * staff gave a certificate's holder a link to their copy (PDF and signed credential, no account needed), with the
 * reason; {@code replacesEarlierLinks} when it was re-sent, the earlier links no longer opening. Never the link's
 * token: the event says that a link was sent, not how to open it. {@code expiresAt} is absent when the link does not
 * expire (it opens until revoked).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HolderLinkSent(
        String certificateId,
        String certificateNumber,
        String participantId,
        String cohortId,
        String linkId,
        String reason,
        boolean replacesEarlierLinks,
        Instant sentAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @AddedInMinor("1.3") Instant expiresAt) implements AulaEvent {

    @Override
    public String key() {
        return participantId;
    }
}
