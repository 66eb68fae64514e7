package org.aula.certification;

import org.aula.testsupport.ServiceApi;
import org.aula.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The certification service's REST API ({@link ServiceApi}). {@code new Api(port)} calls as a programme
 * coordinator; {@link #as} with another token, {@link #anonymous} without one (what a verifier does).
 */
final class Api extends ServiceApi {

    /** A programme coordinator's client. */
    Api(int port) {
        this(port, TestTokens.coordinator());
    }

    private Api(int port, @Nullable String token) {
        super(port, token);
    }

    /** A client sending {@code token} (e.g. {@code TestTokens.operations()}). */
    static Api as(int port, String token) {
        return new Api(port, token);
    }

    /** A client without a token, as anyone verifying a certificate calls. */
    static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** A resource in the representation {@code accept} names: a PDF, or a VC-JWT. */
    Response raw(String path, String accept, Object... variables) {
        return with(HttpHeaders.ACCEPT, accept).get(path, variables);
    }
}
