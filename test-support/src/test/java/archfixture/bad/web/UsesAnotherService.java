package archfixture.bad.web;

import org.aula.testsupport.TestTokens;

/** Violates dependsOnNoOtherService: org.aula code that is neither shared-events nor shared-kernel. */
class UsesAnotherService {

    String describe(TestTokens values) {
        return String.valueOf(values);
    }
}
