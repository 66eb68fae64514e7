package org.aula.console.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** session-service: delivery plans, delivery, attendance, completion decisions. */
public class SessionApi {

    /** A cohort's delivery plan. */
    public record Plan(String planId, String cohortId, String cohortCode, String courseCode, int revision,
            BigDecimal hoursScheduled, String ruleVersion, boolean started, @Nullable Instant closedAt, List<Session> sessions) {

        public @Nullable Session session(String sessionId) {
            return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst().orElse(null);
        }
    }

    /** One session of a plan. */
    public record Session(String sessionId, int sequence, LocalDate date, String topic, String method, BigDecimal hours,
            @Nullable Instant deliveredAt) {

        public boolean delivered() {
            return deliveredAt != null;
        }
    }

    /** The hours that count for one participant in one session. */
    public record Attendance(String participantId, BigDecimal hours) {
    }

    /** What a sheet upload recorded. */
    public record SheetResult(int lines, int recorded, int unchanged) {
    }

    /** A completion decision with its figures. */
    public record Completion(String completionId, String participantId, String decision, double hoursAttended,
            double hoursScheduled, double attendanceRate, String ruleVersion, Instant decidedAt, int revision,
            List<String> reasons) {

        public boolean completed() {
            return "COMPLETED".equals(decision);
        }
    }

    private final ServiceClient client;

    SessionApi(ServiceClient client) {
        this.client = client;
    }

    public Plan plan(String cohortId) {
        return client.get(Plan.class, "/cohorts/{id}/plan", cohortId);
    }

    public void markDelivered(String cohortId, String sessionId) {
        client.post(Map.class, null, "/cohorts/{id}/sessions/{sessionId}/delivery", cohortId, sessionId);
    }

    public List<Attendance> attendance(String cohortId, String sessionId) {
        return client.list(new ParameterizedTypeReference<>() { }, "/cohorts/{id}/sessions/{sessionId}/attendance",
                cohortId, sessionId);
    }

    public Attendance recordHours(String cohortId, String sessionId, String participantId, BigDecimal hours) {
        return client.put(Attendance.class, Map.of("hours", hours), "/cohorts/{id}/sessions/{sessionId}/attendance/{participantId}",
                cohortId, sessionId, participantId);
    }

    /** A whole sheet, all or nothing. */
    public SheetResult uploadSheet(String cohortId, String sessionId, String csv) {
        return client.postText(SheetResult.class, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), csv,
                "/cohorts/{id}/sessions/{sessionId}/attendance", cohortId, sessionId);
    }

    public List<Completion> completions(String cohortId) {
        return client.list(new ParameterizedTypeReference<>() { }, "/cohorts/{id}/completions", cohortId);
    }
}
