package org.aula.enrollment.domain.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A receiver's URL: absolute, {@code https}, with a host and neither user info nor fragment. Plain {@code http} is
 * accepted only for a loopback host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) and only where loopback
 * receivers are allowed (the local platform). Whether the host's addresses may be called is
 * {@link ReceiverAddresses}' rule, checked when subscribing and again at every delivery.
 */
public record WebhookUrl(URI uri) {

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2000;

    /** The URL a partner gave, or a refusal naming {@code url} and why. */
    public static WebhookUrl parse(String text, boolean allowLoopback) {
        if (text == null || text.isBlank()) {
            throw WebhookRefused.url("must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw WebhookRefused.url("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw WebhookRefused.url("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            throw WebhookRefused.url("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw WebhookRefused.url("must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            throw WebhookRefused.url("must not have a fragment");
        }
        boolean loopback = isLoopbackName(uri.getHost());
        if (loopback && !allowLoopback) {
            throw WebhookRefused.url("must not point at this machine (loopback)");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw WebhookRefused.url("must use https");
        }
        return new WebhookUrl(uri);
    }

    /** The host to resolve (brackets of an IPv6 literal removed). */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
                || name.equals("[::1]") || name.equals("::1");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
