package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

/**
 * No personal data in logs or metric tags: a whole story of one official (registered, nominated alone and in a
 * batch, refused for bad input, read, withdrawn, erased, the events relayed, routed and consumed) is told while
 * every log event of the service is captured; none names the official or their e-mail address, and neither does
 * the Prometheus scrape.
 */
@EnrollmentIntegrationTest
class PersonalDataIT {

    @LocalServerPort
    int port;

    Api staff;
    EventScenario topic;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void capture() {
        staff = new Api(port);
        topic = EventScenario.fromEnd(Topics.ENROLLMENT);
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void release() {
        root().detachAppender(logs);
        topic.close();
    }

    @Test
    void neitherTheLogsNorTheMetricsNameAnyone() {
        String marker = UUID.randomUUID().toString().substring(0, 8).chars()
                .mapToObj(digit -> String.valueOf((char) ('a' + Character.digit(digit, 16)))).reduce("", String::concat);
        String surname = "Quetzal" + marker;
        String name = "Zenaida " + surname;
        String local = "zenaida." + surname.toLowerCase(Locale.ROOT);
        String email = local + "@police.gov.bz";
        String institution = Api.uniqueCatalogueCode("PRIVACY");
        String cohort = staff.scheduleCohort("PRIVACY", 1);

        Response registered = staff.post("/participants", """
                {"name":"%s","email":"%s","position":"Inspector %s","institutionCode":"%s"}
                """.formatted(name, email, surname, institution));
        String participant = registered.json().get("id").asString();
        String enrolment = staff.enrol(cohort, email, name, institution).json().get("enrolmentId").asString();
        staff.post("/cohorts/" + cohort + "/nominations", """
                {"institutionCode":"%s","officials":[{"name":"Second %s","email":"second.%s"}]}
                """.formatted(institution, surname, email));
        // Refused requests, whose messages could echo what was sent.
        assertThat(staff.enrol(cohort, local + "-at-police", name, institution).status()).isEqualTo(400);
        assertThat(staff.post("/cohorts/" + cohort + "/enrolments", "{\"name\":\"" + name + "\",\"email\":").status()).isEqualTo(400);
        assertThat(staff.post("/cohorts/" + cohort + "/nominations", """
                {"institutionCode":"%s","officials":[{"name":"%s","email":"%s"},{"name":"%s","email":"%s"}]}
                """.formatted(institution, name, email, name, email)).status()).isEqualTo(400);
        assertThat(Api.as(port, TestTokens.partner("ELSEWHERE")).enrol(cohort, email, name, institution).status()).isEqualTo(403);
        staff.get("/cohorts/" + cohort + "/enrolments");
        staff.get("/institutions/" + institution + "/nominees");
        staff.delete("/cohorts/" + cohort + "/enrolments/" + enrolment);
        assertThat(staff.post("/participants/" + participant + "/erasure").status()).isEqualTo(200);
        // Let the relay publish, the offer consumer react and the router copy, so their logs are in too.
        topic.awaitEvents(participant, 1);
        try (EventScenario feed = EventScenario.fromStart("partner." + institution + ".enrollment")) {
            feed.awaitSettled(participant, events -> events.size() == 1);
        }
        String scrape = Api.as(port, TestTokens.operations()).get("/actuator/prometheus").body();

        // Listener threads keep logging: copy under the appender's own lock (AppenderBase.doAppend is synchronized).
        List<ILoggingEvent> captured;
        synchronized (logs) {
            captured = List.copyOf(logs.list);
        }
        List<String> logged = captured.stream().map(PersonalDataIT::text).toList();
        assertThat(logged).as("log events captured").isNotEmpty()
                .anyMatch(line -> line.contains(participant))
                .noneMatch(line -> line.contains(surname) || line.toLowerCase(Locale.ROOT).contains(surname.toLowerCase(Locale.ROOT))
                        || line.contains(local));
        assertThat(scrape).contains("aula_enrollment_erasures_total").doesNotContain(surname)
                .doesNotContain(surname.toLowerCase(Locale.ROOT)).doesNotContain(local);
    }

    private static String text(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown + " " + event.getMDCPropertyMap();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
