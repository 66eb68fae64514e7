package archfixture.bad.domain;

import archfixture.bad.application.TakeSeat;

/** Violates domainDependsOnNoUseCase. */
public class CallsUseCase {

    void call(TakeSeat takeSeat) {
        takeSeat.take();
    }
}
