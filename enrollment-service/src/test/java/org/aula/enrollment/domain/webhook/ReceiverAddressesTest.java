package org.aula.enrollment.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiverAddressesTest {

    @ParameterizedTest
    @CsvSource({"10.0.0.1,private", "172.16.5.4,private", "192.168.0.10,private", "100.64.0.1,private",
            "169.254.169.254,link-local", "127.0.0.1,loopback", "0.0.0.0,unspecified", "224.0.0.251,multicast",
            "255.255.255.255,reserved", "198.18.0.1,reserved", "::1,loopback", "fe80::1,link-local", "fd12:3456::1,private",
            "ff02::1,multicast", "::ffff:10.0.0.1,private", "64:ff9b::a9fe:a9fe,link-local"})
    void refusesEveryNonPublicAddress(String address, String kind) throws Exception {
        assertThat(ReceiverAddresses.refusal(InetAddress.getByName(address), false)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(ReceiverAddresses.refusal(InetAddress.getByName(address), false)).isEmpty();
    }

    @Test
    void loopbackOnlyWhereAllowedAndNeverThePrivateRanges() throws Exception {
        assertThat(ReceiverAddresses.refusal(InetAddress.getByName("127.0.0.1"), true)).isEmpty();
        assertThat(ReceiverAddresses.refusal(InetAddress.getByName("::1"), true)).isEmpty();
        assertThat(ReceiverAddresses.refusal(InetAddress.getByName("10.0.0.1"), true)).contains("private");
    }

    @Test
    void urlsMustBeHttpsOrLoopbackHttpWhereAllowed() {
        assertThat(WebhookUrl.parse("https://partner.example.org/hooks?x=1", false).host()).isEqualTo("partner.example.org");
        assertThat(WebhookUrl.parse("http://127.0.0.1:9000/hooks", true).host()).isEqualTo("127.0.0.1");
        assertThat(WebhookUrl.parse("https://[::1]/hooks", true).host()).isEqualTo("::1");
        for (String refused : new String[] {"http://partner.example.org/", "http://127.0.0.1:9000/", "https://localhost/",
                "https://user@partner.example.org/", "https://partner.example.org/#x", "/relative", "mailto:a@b.org", " "}) {
            assertThatThrownBy(() -> WebhookUrl.parse(refused, false)).as(refused).isInstanceOf(WebhookRefused.class)
                    .satisfies(e -> assertThat(((WebhookRefused) e).faults()).extracting(f -> f.field()).containsExactly("url"));
        }
    }

    @Test
    void backOffDoublesUpToItsMaximumAndGivesUpAfterTheRetryPeriod() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(25));
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(schedule.delayAfter(20)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
        Instant first = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(schedule.givesUp(first, first.plus(Duration.ofHours(24)))).isFalse();
        assertThat(schedule.givesUp(first, first.plus(Duration.ofHours(25)))).isTrue();
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForTheOverlapOnly() {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        SigningSecret old = new SigningSecret(new byte[32]);
        SigningSecret next = SigningSecret.random(new java.security.SecureRandom());
        WebhookSubscription subscription = WebhookSubscription.create(new SubscriptionId(java.util.UUID.randomUUID()),
                new org.aula.enrollment.domain.InstitutionCode("POLICE"), WebhookUrl.parse("https://partner.example.org/h", false),
                null, old, now).rotate(next, now, Duration.ofHours(24));
        assertThat(subscription.signingSecrets(now.plus(Duration.ofHours(23)))).containsExactly(next, old);
        assertThat(subscription.signingSecrets(now.plus(Duration.ofHours(24)))).containsExactly(next);
        assertThat(old.toString()).doesNotContain(old.shown().substring(6));
    }
}
