package org.aula.certification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Completions of the seed's course: "Best Practices in Migration Management", Belmopan, 13–18 May 2019. */
public final class CompletionFixture {

    public static final LocalDate START = LocalDate.of(2019, 5, 13);
    public static final LocalDate END = LocalDate.of(2019, 5, 18);
    public static final Instant DECIDED_AT = Instant.parse("2019-05-18T16:00:00Z");
    public static final String RULE_VERSION = "attendance-80-v1";
    public static final StatusListEntry ENTRY = new StatusListEntry(1, 4711);

    private CompletionFixture() {
    }

    public static Completion inspectorPascascioCompletedBmm() {
        return new Completion(new CompletionId(UUID.randomUUID().toString()),
                new Holder(new ParticipantId(UUID.randomUUID().toString()), "Constant Pascascio", "BZ-POLICE"),
                bestPracticesInMigrationManagement(),
                new Cohort(new CohortId(UUID.randomUUID().toString()), "BMM-2019-05", START, END),
                RULE_VERSION, List.of("Final case study"), DECIDED_AT);
    }

    public static Course bestPracticesInMigrationManagement() {
        return new Course("BMM", "Best Practices in Migration Management", 40);
    }
}
