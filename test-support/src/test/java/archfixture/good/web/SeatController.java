package archfixture.good.web;

import org.springframework.security.access.prepost.PreAuthorize;

import archfixture.good.application.TakeSeat;
import archfixture.good.domain.Seat;
import archfixture.shared.FixtureAccess;
import archfixture.shared.web.HttpAnswer;

class SeatController {

    private final TakeSeat takeSeat;

    SeatController(TakeSeat takeSeat) {
        this.takeSeat = takeSeat;
    }

    @PreAuthorize(FixtureAccess.STAFF)
    HttpAnswer take(String id) {
        Seat seat = takeSeat.take(id);
        return new HttpAnswer(seat.holder() == null ? 200 : 409);
    }
}
