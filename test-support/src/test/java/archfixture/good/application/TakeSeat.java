package archfixture.good.application;

import archfixture.good.domain.Seat;
import archfixture.good.domain.seat.SeatRefused;
import archfixture.good.domain.seat.Seats;

public class TakeSeat {

    private final Seats seats;
    private final SeatEvents events;

    public TakeSeat(Seats seats, SeatEvents events) {
        this.seats = seats;
        this.events = events;
    }

    public Seat take(String id) {
        Seat seat = seats.find(id).orElseThrow(() -> new SeatRefused(SeatRefused.Reason.TAKEN));
        events.taken(seat);
        return seat;
    }
}
