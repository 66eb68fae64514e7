package archfixture.bad.application;

import archfixture.shared.web.HttpAnswer;

/** Violates innerRingsKnowNoHttp: a use case answering with a web type. */
public class AnswersHttp {

    public HttpAnswer answer() {
        return new HttpAnswer(409);
    }
}
