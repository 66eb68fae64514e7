package org.aula.session.domain.rule;

/** Where a completion rule version came from. */
public enum RuleSource {
    /** The service's configuration ({@code aula.session.completion.*}), recorded the first time it was needed. */
    CONFIG,
    /** Staff defined it through the API; from then on it wins over the configuration. */
    API
}
