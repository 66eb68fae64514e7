package org.aula.enrollment;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.testsupport.ServiceApi;
import org.aula.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;

/**
 * The enrolment service's REST API ({@link ServiceApi}) with its test cohorts and nominations. Requests carry a
 * coordinator's bearer token unless the client was made {@link #as} someone else.
 */
final class Api extends ServiceApi {

    private static final AtomicInteger COHORTS = new AtomicInteger();

    /** A coordinator's client. */
    Api(int port) {
        this(port, TestTokens.coordinator());
    }

    private Api(int port, @Nullable String token) {
        super(port, token);
    }

    /** A client sending {@code token} (from {@link TestTokens}). */
    static Api as(int port, String token) {
        return new Api(port, token);
    }

    /** A client sending no token at all. */
    static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** A cohort code no other test uses: {@code <prefix>-<n>-<random>}. */
    static String uniqueCode(String prefix) {
        return (prefix + "-" + COHORTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toUpperCase();
    }

    /**
     * A cohort of its own course (the course code is the cohort code), so that no other test's cohort is "the next
     * open cohort of the same course" its waitlist is offered seats in.
     */
    static String cohortJson(String code, int capacity) {
        return cohortJson(code, code, "2019-05-13", "2019-05-18", capacity, "");
    }

    /** A cohort of a given course and dates; {@code extra} is more JSON members, e.g. {@code ,"status":"PLANNED"}. */
    static String cohortJson(String code, String courseCode, String startDate, String endDate, int capacity, String extra) {
        return """
                {"code":"%s","courseCode":"%s","courseTitle":"Best Practices in Migration Management",
                 "courseHours":40,"startDate":"%s","endDate":"%s","location":"Belmopan",
                 "capacity":%d,"facilitator":"Graciela Incer"%s}
                """.formatted(code, courseCode, startDate, endDate, capacity, extra);
    }

    static String nominationJson(String name, String email, String institutionCode) {
        return """
                {"name":"%s","email":"%s","institutionCode":"%s"}
                """.formatted(name, email, institutionCode);
    }

    /** Schedules a cohort with a fresh code and answers its id. */
    String scheduleCohort(String prefix, int capacity) {
        return created(post("/cohorts", cohortJson(uniqueCode(prefix), capacity)));
    }

    /** Schedules a cohort of a given course, dates and extra members (see {@link #cohortJson}) and answers its id. */
    String scheduleCohort(String prefix, String courseCode, String startDate, String endDate, int capacity, String extra) {
        return created(post("/cohorts", cohortJson(uniqueCode(prefix), courseCode, startDate, endDate, capacity, extra)));
    }

    private static String created(Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("could not schedule a cohort: " + response);
        }
        return response.json().get("id").asString();
    }

    /** A code for a course, institution or programme no other test uses: {@code <prefix>-<n>-<random>}, at most 30 characters. */
    static String uniqueCatalogueCode(String prefix) {
        String code = uniqueCode(prefix);
        if (code.length() > 30) {
            throw new IllegalArgumentException("prefix too long for a catalogue code: " + prefix);
        }
        return code;
    }

    /** Nominates official number {@code n} of a test (a distinct person per {@code tag} and n). */
    Response enrol(String cohortId, String tag, int n) {
        return enrol(cohortId, email(tag, n), "Official " + n, "POLICE");
    }

    Response enrol(String cohortId, String email, String name, String institutionCode) {
        return post("/cohorts/" + cohortId + "/enrolments", nominationJson(name, email, institutionCode));
    }

    static String email(String tag, int n) {
        return "official-" + n + "." + tag + "@gov.bz";
    }

    /** A POST with an {@code Idempotency-Key}. */
    Response post(String path, String json, String idempotencyKey) {
        return with("Idempotency-Key", idempotencyKey).post(path, json);
    }

    Response deleteWithKey(String path, String idempotencyKey) {
        return with("Idempotency-Key", idempotencyKey).delete(path);
    }
}
