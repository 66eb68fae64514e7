package org.aula.certification.application;

import java.net.URI;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.CertificateNumber;
import org.springframework.stereotype.Component;

/** The public address at which anyone holding a certificate can check it. */
@Component
public class VerificationLinks {

    private final String base;

    public VerificationLinks(CertificationProperties properties) {
        String url = properties.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public URI of(CertificateNumber number) {
        return URI.create(base + "/certificates/" + number.value() + "/verification");
    }
}
