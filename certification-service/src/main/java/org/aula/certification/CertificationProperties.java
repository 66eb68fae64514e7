package org.aula.certification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator knobs of certification-service ({@code aula.certification.*}).
 *
 * @param publicBaseUrl where the public can reach this service: verification links printed on
 *                      certificates and published in {@code certificate.issued} are
 *                      {@code <publicBaseUrl>/certificates/<number>/verification}. Default
 *                      {@code http://localhost:8083}; set it to the public host in production, since
 *                      printed links outlive deployments.
 */
@ConfigurationProperties("aula.certification")
public record CertificationProperties(@DefaultValue("http://localhost:8083") URI publicBaseUrl) {

    public CertificationProperties {
        if (publicBaseUrl == null || !publicBaseUrl.isAbsolute()
                || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("aula.certification.public-base-url must be an absolute http(s) URL, not " + publicBaseUrl);
        }
    }
}
