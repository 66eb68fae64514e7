package archfixture.good.application;

import archfixture.good.domain.Seat;

public interface SeatEvents {

    void taken(Seat seat);
}
