package org.aula.certification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerificationPageTest {

    @Test
    void browsersGetThePage() {
        assertThat(VerificationPage.wanted("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
        assertThat(VerificationPage.wanted("application/xhtml+xml")).isTrue();
        assertThat(VerificationPage.wanted("application/json;q=0.5, text/html")).isTrue();
    }

    @Test
    void machinesAndClientsOfTheFirstVersionGetJson() {
        assertThat(VerificationPage.wanted(null)).isFalse();
        assertThat(VerificationPage.wanted("")).isFalse();
        assertThat(VerificationPage.wanted("*/*")).isFalse();
        assertThat(VerificationPage.wanted("application/json")).isFalse();
        assertThat(VerificationPage.wanted("application/json, text/html")).isFalse();
        assertThat(VerificationPage.wanted("text/html;q=0.1, application/json")).isFalse();
        assertThat(VerificationPage.wanted("text/html;q=0")).isFalse();
        assertThat(VerificationPage.wanted("not a media type")).isFalse();
    }
}
