package archfixture.bad.application;

import java.time.Instant;

import org.aula.events.CohortFilled;

/** Violates contractIsMappedInMessaging: a use case building a published event. */
public class PublishesContract {

    CohortFilled filled() {
        return new CohortFilled("c", "C", "K", 1, 1, Instant.EPOCH);
    }
}
