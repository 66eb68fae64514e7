package archfixture.good.messaging;

import java.time.Instant;

import org.aula.events.CohortFilled;

import archfixture.good.application.SeatEvents;
import archfixture.good.domain.Seat;

class OutboxSeatEvents implements SeatEvents {

    CohortFilled last = new CohortFilled("c", "C", "K", 1, 1, Instant.EPOCH);

    @Override
    public void taken(Seat seat) {
        last = new CohortFilled(seat.id(), "C", "K", 1, 1, Instant.EPOCH);
    }
}
