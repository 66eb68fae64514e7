package org.aula.console.services;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.aula.console.ConsoleProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link RestClient} per service, each sending the signed-in person's access token (the
 * authorized client of the console's registration, refreshed when it expires), and turning every
 * 4xx answer into a {@link ServiceRefused} that the pages can explain.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    @Bean
    OAuth2ClientHttpRequestInterceptor personsToken(OAuth2AuthorizedClientManager clients, ConsoleProperties properties) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(clients);
        String registration = properties.registrationId();
        interceptor.setClientRegistrationIdResolver(request -> registration);
        return interceptor;
    }

    @Bean
    EnrollmentApi enrollmentApi(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor token, ConsoleProperties properties,
            JsonMapper json) {
        return new EnrollmentApi(client(builder, token, properties.enrollmentUrl(), "enrollment", json));
    }

    @Bean
    SessionApi sessionApi(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor token, ConsoleProperties properties,
            JsonMapper json) {
        return new SessionApi(client(builder, token, properties.sessionUrl(), "session", json));
    }

    @Bean
    CertificationApi certificationApi(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor token,
            ConsoleProperties properties, JsonMapper json) {
        return new CertificationApi(client(builder, token, properties.certificationUrl(), "certification", json));
    }

    private static ServiceClient client(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor token, URI baseUrl,
            String service, JsonMapper json) {
        RestClient client = builder.clone()
                .baseUrl(baseUrl.toString())
                .requestInterceptor(token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw refusal(service, response.getStatusCode().value(), response.getBody().readAllBytes(), json);
                })
                .build();
        return new ServiceClient(service, client);
    }

    /** The problem+json's title, detail and field errors; a body that is no problem gives a generic title. */
    static ServiceRefused refusal(String service, int status, byte[] body, JsonMapper json) {
        String title = "HTTP " + status;
        String detail = null;
        List<ServiceRefused.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asString(title);
                detail = problem.path("detail").isString() ? problem.path("detail").asString() : null;
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new ServiceRefused.FieldError(error.path("field").asString(""), error.path("message").asString("")));
                }
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page, say: the status alone speaks
        }
        return new ServiceRefused(service, status, title, detail, errors);
    }
}
