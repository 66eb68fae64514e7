package org.aula.console.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/** enrollment-service: cohorts, rosters, nominations, withdrawals, offers, an institution's nominees. */
public class EnrollmentApi {

    /** A cohort as enrollment-service shows it. */
    public record Cohort(String id, String code, String courseCode, String courseTitle, int courseHours,
            LocalDate startDate, LocalDate endDate, String location, int capacity, String facilitator,
            int seatsTaken, int waitlistLength, String status, Map<String, Integer> seatQuotas) {

        public boolean full() {
            return seatsTaken >= capacity;
        }

        /** Whether the cohort runs on {@code date}. */
        public boolean runsOn(LocalDate date) {
            return !date.isBefore(startDate) && !date.isAfter(endDate);
        }
    }

    /** One line of a roster: seated, waiting or withdrawn. */
    public record RosterLine(String enrolmentId, String participantId, String name, @Nullable String position,
            String institutionCode, String status, @Nullable Integer seatNumber, @Nullable Integer waitlistPosition) {
    }

    /** One enrolment (the answer to a nomination or a withdrawal). */
    public record Enrolment(String enrolmentId, String cohortId, String participantId, String status,
            @Nullable Integer seatNumber, @Nullable Integer waitlistPosition) {
    }

    /** The answer to a batch of nominations. */
    public record NominationResult(String cohortId, String institutionCode, int created, List<Enrolment> enrolments) {
    }

    /** A seat offered in a replica cohort to someone waiting in a full one. */
    public record Offer(String offerId, String cohortId, String fromCohortId, String fromEnrolmentId, String participantId,
            String institutionCode, String status, Instant offeredAt, Instant expiresAt, @Nullable Instant acceptedAt,
            @Nullable String enrolmentId) {

        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    /** An official an institution nominated, in one cohort. */
    public record Nominee(String enrolmentId, String cohortId, String cohortCode, String participantId, String name,
            @Nullable String position, String status, @Nullable Integer seatNumber, @Nullable Integer waitlistPosition) {
    }

    /** One official for a nomination. */
    public record Official(String name, String email, @Nullable String position) {
    }

    private static final int MAX_PAGE = 200;

    private final ServiceClient client;

    EnrollmentApi(ServiceClient client) {
        this.client = client;
    }

    public List<Cohort> cohorts() {
        return client.list(new ParameterizedTypeReference<>() { }, "/cohorts?size={size}", MAX_PAGE);
    }

    public Cohort cohort(String cohortId) {
        return client.get(Cohort.class, "/cohorts/{id}", cohortId);
    }

    /** Every line: seated by seat, then waiting by position, then withdrawn. */
    public List<RosterLine> enrolments(String cohortId) {
        return client.list(new ParameterizedTypeReference<>() { }, "/cohorts/{id}/enrolments?size={size}", cohortId, MAX_PAGE);
    }

    /** The seated only, by seat. */
    public List<RosterLine> roster(String cohortId) {
        return client.list(new ParameterizedTypeReference<>() { }, "/cohorts/{id}/roster?size={size}", cohortId, MAX_PAGE);
    }

    public List<RosterLine> waitlist(String cohortId) {
        return client.list(new ParameterizedTypeReference<>() { }, "/cohorts/{id}/waitlist?size={size}", cohortId, MAX_PAGE);
    }

    public Enrolment enrolment(String cohortId, String enrolmentId) {
        return client.get(Enrolment.class, "/cohorts/{id}/enrolments/{enrolmentId}", cohortId, enrolmentId);
    }

    public Enrolment nominate(String cohortId, String institutionCode, Official official) {
        Map<String, Object> body = official.position() == null || official.position().isBlank()
                ? Map.of("name", official.name(), "email", official.email(), "institutionCode", institutionCode)
                : Map.of("name", official.name(), "email", official.email(), "institutionCode", institutionCode,
                        "position", official.position());
        return client.post(Enrolment.class, body, "/cohorts/{id}/enrolments", cohortId);
    }

    /** All or none, in the order given. */
    public NominationResult nominateAll(String cohortId, String institutionCode, List<Official> officials) {
        return client.post(NominationResult.class, Map.of("institutionCode", institutionCode, "officials", officials),
                "/cohorts/{id}/nominations", cohortId);
    }

    public Enrolment withdraw(String cohortId, String enrolmentId) {
        return client.delete(Enrolment.class, "/cohorts/{id}/enrolments/{enrolmentId}", cohortId, enrolmentId);
    }

    /** Every offer, newest first. */
    public List<Offer> offers() {
        return client.list(new ParameterizedTypeReference<>() { }, "/offers?size={size}", MAX_PAGE);
    }

    public Enrolment acceptOffer(String offerId) {
        return client.post(Enrolment.class, null, "/offers/{id}/acceptance", offerId);
    }

    /** The officials an institution nominated, in every cohort. */
    public List<Nominee> nominees(String institutionCode) {
        return client.list(new ParameterizedTypeReference<>() { }, "/institutions/{code}/nominees?size={size}",
                institutionCode, MAX_PAGE);
    }
}
