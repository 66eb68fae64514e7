package archfixture.bad.domain;

/** Violates refusalsEndWithRefused: named as a refusal, but not an org.aula.kernel.Refusal (no Reason). */
public class QuotaRefused extends RuntimeException {

    public QuotaRefused(String message) {
        super(message);
    }
}
