package archfixture.good.domain.seat;

import java.util.Optional;

import archfixture.good.domain.Seat;

public interface Seats {

    Optional<Seat> find(String id);
}
