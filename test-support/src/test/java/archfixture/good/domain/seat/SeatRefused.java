package archfixture.good.domain.seat;

import org.aula.kernel.Refusal;

public class SeatRefused extends Refusal {

    public enum Reason { TAKEN }

    public SeatRefused(Reason reason) {
        super(reason, reason.name());
    }
}
