package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9: accepting a seat offer and the offer round of the waitlist consumer meet on the same rows: the offering
 * cohort, and the official (the round's insert of an offer checks the official's row through its foreign key, a
 * {@code FOR KEY SHARE} lock). Officials wait in two full May cohorts of a course; each was offered a June seat from
 * the first. While they accept, they join the second one's waitlist, whose offer round then offers them June seats
 * too. The test holds June's row for a moment so that the round and every acceptance are queued on it together:
 * whatever lock a path takes before June is then held while the others wait, and a lock order that differs
 * between the paths shows as a PostgreSQL deadlock (40P01), in an answer or in the consumer's log.
 */
@EnrollmentIntegrationTest
class OfferLockOrderIT {

    /** Within the connection pool (10), beside the consumer's and the relay's connections. */
    private static final int OFFICIALS = 6;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;
    DatabaseLocks locks;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            }
            logged.add(text.toString());
        }
    };

    @BeforeEach
    void connect() {
        api = new Api(port);
        locks = new DatabaseLocks(dataSource, jdbc);
        capture.start();
        root().addAppender(capture);
    }

    @AfterEach
    void disconnect() {
        root().detachAppender(capture);
        capture.stop();
    }

    @RepeatedTest(3)
    void acceptingOffersWhileTheOfficialsAreOfferedMoreSeatsNeverDeadlocks() throws Exception {
        String course = Api.uniqueCatalogueCode("LOCK");
        String mayA = api.scheduleCohort("LOCK-MAY-A", course, "2019-05-13", "2019-05-18", 1, "");
        String mayB = api.scheduleCohort("LOCK-MAY-B", course, "2019-05-13", "2019-05-18", 1, "");
        String june = api.scheduleCohort("LOCK-JUNE", course, "2019-06-10", "2019-06-15", 4 * OFFICIALS, "");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.enrol(mayA, "lock-seated-a-" + tag, 1).status()).isEqualTo(201);
        assertThat(api.enrol(mayB, "lock-seated-b-" + tag, 1).status()).isEqualTo(201);
        assertThat(api.post("/cohorts/" + mayA + "/nominations", nominations("lock-" + tag)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> offers("fromCohortId=" + mayA).size() == OFFICIALS);
        List<String> fromMayA = offers("fromCohortId=" + mayA).stream().map(offer -> offer.get("offerId").asString()).toList();
        long deadlocksBefore = locks.deadlocks();

        List<Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(OFFICIALS);
        // Both connections are the test's own, outside the service's pool, which the acceptances fill.
        try (Connection holder = locks.ownConnection(); Connection observer = locks.ownConnection()) {
            int waitingBefore = DatabaseLocks.waitingOnLocks(observer);
            DatabaseLocks.holdCohort(holder, june);
            // The same officials join May B's waitlist: its offer round (the consumer) queues on June's row...
            assertThat(api.post("/cohorts/" + mayB + "/nominations", nominations("lock-" + tag)).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> DatabaseLocks.waitingOnLocks(observer) >= waitingBefore + 1);
            // ... and so does every acceptance of their offers from May A.
            List<CompletableFuture<Response>> accepting = fromMayA.stream()
                    .map(offer -> CompletableFuture.supplyAsync(() -> api.post("/offers/" + offer + "/acceptance"), pool))
                    .toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> DatabaseLocks.waitingOnLocks(observer) >= waitingBefore + 1 + OFFICIALS);
            holder.commit();
            for (CompletableFuture<Response> answer : accepting) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // The round has run to the end (its offers made, or nobody left to offer a seat) or has been a deadlock's victim.
        await().atMost(Duration.ofSeconds(60)).until(() -> deadlockLogged() || roundDone(mayB, june));
        assertThat(answers).extracting(Response::status).as("acceptances answered: %s", answers).containsOnly(201);
        assertThat(logged).as("deadlocks in the log").noneMatch(OfferLockOrderIT::mentionsDeadlock);
        assertThat(answers).extracting(Response::body).noneMatch(OfferLockOrderIT::mentionsDeadlock);
        assertThat(seated(june)).isEqualTo(OFFICIALS);
        // PostgreSQL's own count (flushed by the backends at their next idle moment, so read last).
        assertThat(locks.deadlocks() - deadlocksBefore).as("deadlocks counted by PostgreSQL").isZero();
    }

    private static String nominations(String tag) {
        String officials = java.util.stream.IntStream.rangeClosed(1, OFFICIALS)
                .mapToObj(n -> "{\"name\":\"Official " + n + "\",\"email\":\"" + Api.email(tag, n) + "\"}")
                .collect(Collectors.joining(","));
        return "{\"institutionCode\":\"POLICE\",\"officials\":[" + officials + "]}";
    }

    private List<JsonNode> offers(String query) {
        return api.get("/offers?" + query + "&size=200").json().valueStream().toList();
    }

    /** Everyone on May B's waitlist was offered a June seat or holds one already. */
    private boolean roundDone(String mayB, String june) {
        return jdbc.sql("""
                select count(*) from enrolment e
                 where e.cohort_id = :mayB and e.status = 'WAITLISTED'
                   and not exists (select 1 from seat_offer o where o.from_enrolment_id = e.id)
                   and not exists (select 1 from enrolment j where j.cohort_id = :june and j.participant_id = e.participant_id)
                """).params(Map.of("mayB", UUID.fromString(mayB), "june", UUID.fromString(june)))
                .query(Integer.class).single() == 0;
    }

    private int seated(String cohort) {
        return jdbc.sql("select count(*) from enrolment where cohort_id = :cohort and status = 'ENROLLED'")
                .param("cohort", UUID.fromString(cohort)).query(Integer.class).single();
    }

    private boolean deadlockLogged() {
        return logged.stream().anyMatch(OfferLockOrderIT::mentionsDeadlock);
    }

    private static boolean mentionsDeadlock(String text) {
        return text.contains("deadlock") || text.contains("40P01");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
