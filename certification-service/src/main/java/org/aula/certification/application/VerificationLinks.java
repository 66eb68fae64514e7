package org.aula.certification.application;

import java.net.URI;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.AwardNumber;
import org.springframework.stereotype.Component;

/**
 * The public addresses this service prints and signs: where anyone holding a certificate or
 * diploma can check it, the issuer's id, its keys and its status lists. All under the configured
 * public base URL.
 */
@Component
public class VerificationLinks {

    private final String base;

    public VerificationLinks(CertificationProperties properties) {
        String url = properties.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where a certificate's or a diploma's number is verified. */
    public URI of(AwardNumber number) {
        String awards = switch (number.kind()) {
            case CERTIFICATE -> "/certificates/";
            case DIPLOMA -> "/diplomas/";
        };
        return URI.create(base + awards + number.value() + "/verification");
    }

    /** Where a holder opens their copy (public, but only with the link's secret token). */
    public URI holderCopy(String token) {
        return URI.create(base + "/holder/" + token);
    }

    /** The issuer's id in every credential (and the JWT {@code iss}); it answers with the issuer profile. */
    public String issuerId() {
        return base + "/issuer";
    }

    /** Where an organisation's logo is served (public), e.g. for the issuer profile's {@code image}. */
    public String logo(String organisationCode) {
        return base + "/organisations/" + segment(organisationCode) + "/logo";
    }

    /** {@code text} percent-encoded for a URI path segment or URN part (a space as %20, never '+'). */
    static String segment(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String keys() {
        return base + "/.well-known/jwks.json";
    }

    public String statusList(int listId) {
        return base + "/status-lists/" + listId;
    }

    /** Reads the list id back from a status list URL this service printed; -1 when it is not one. */
    public int statusListIdOf(String url) {
        String prefix = base + "/status-lists/";
        if (!url.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(url.substring(prefix.length()));
        } catch (NumberFormatException notAListId) {
            return -1;
        }
    }
}
