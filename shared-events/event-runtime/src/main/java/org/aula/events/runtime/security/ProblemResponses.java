package org.aula.events.runtime.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written before Spring MVC is reached (401, 403, 413) as RFC 9457
 * {@code application/problem+json}, never an HTML page; 401 and 403 keep the RFC 6750
 * {@code WWW-Authenticate} header.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
    }

    /** 401 "Unauthenticated": no token, or one that is malformed, expired or not signed by a trusted key. */
    static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            int status = response.getStatus() == HttpServletResponse.SC_BAD_REQUEST ? 400 : 401;
            write(request, response, status, status == 401 ? "Unauthenticated" : "Malformed bearer token", detail(exception));
        };
    }

    /** 403 "Forbidden": authenticated, but no role that allows the operation. */
    static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(request, response, 403, "Forbidden", detail(exception));
        };
    }

    private static String detail(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return "the bearer token was refused: " + oauth.getError().getDescription();
        }
        return "this operation needs a bearer token (Authorization: Bearer <token>)";
    }

    private static String detail(AccessDeniedException exception) {
        return "the caller's roles do not allow this operation";
    }
}
