package archfixture.bad.domain;

/** Violates refusalsEndWithRefused. */
public class SeatException extends RuntimeException {

    public SeatException(String message) {
        super(message);
    }
}
