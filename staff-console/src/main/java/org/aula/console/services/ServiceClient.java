package org.aula.console.services;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** A service's REST API: JSON in and out, refusals and an unreachable service as {@link ServiceRefused}. */
final class ServiceClient {

    private final String service;
    private final RestClient client;

    ServiceClient(String service, RestClient client) {
        this.service = service;
        this.client = client;
    }

    <T> T get(Class<T> type, String path, Object... variables) {
        return call(c -> c.get().uri(path, variables).retrieve().body(type));
    }

    <T> List<T> list(ParameterizedTypeReference<List<T>> type, String path, Object... variables) {
        List<T> items = call(c -> c.get().uri(path, variables).retrieve().body(type));
        return items == null ? List.of() : items;
    }

    byte[] bytes(MediaType accept, String path, Object... variables) {
        return call(c -> c.get().uri(path, variables).accept(accept).retrieve().body(byte[].class));
    }

    <T> T post(Class<T> type, @Nullable Object body, String path, Object... variables) {
        return call(c -> {
            RestClient.RequestBodySpec request = c.post().uri(path, variables);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.retrieve().body(type);
        });
    }

    <T> T postText(Class<T> type, MediaType contentType, String body, String path, Object... variables) {
        return call(c -> c.post().uri(path, variables).contentType(contentType).body(body).retrieve().body(type));
    }

    <T> T put(Class<T> type, Object body, String path, Object... variables) {
        return call(c -> c.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    <T> T delete(Class<T> type, String path, Object... variables) {
        return call(c -> c.delete().uri(path, variables).retrieve().body(type));
    }

    private <T> T call(Function<RestClient, @Nullable T> request) {
        try {
            T answer = request.apply(client);
            if (answer == null) {
                throw new ServiceRefused(service, 502, "Empty answer", null, List.of());
            }
            return answer;
        } catch (ResourceAccessException unreachable) {
            throw new ServiceRefused(service, 0, "Not reachable", null, List.of());
        }
    }
}
