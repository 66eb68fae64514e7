package archfixture.good.domain.seat;

public class SeatRefused extends RuntimeException {

    public enum Reason { TAKEN }

    public SeatRefused(Reason reason) {
        super(reason.name());
    }
}
