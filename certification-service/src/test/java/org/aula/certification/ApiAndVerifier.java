package org.aula.certification;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the ITs over the API start from: a coordinator's {@link #api} and a {@link #verifier} on the running service. */
abstract class ApiAndVerifier {

    @LocalServerPort
    int port;

    Api api;
    /** A verifier: no token, as anyone checking a certificate calls. */
    Api verifier;

    @BeforeEach
    void connect() {
        api = new Api(port);
        verifier = Api.anonymous(port);
    }
}
