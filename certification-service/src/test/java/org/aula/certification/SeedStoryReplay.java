package org.aula.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.events.AulaEvent;
import org.aula.events.CohortScheduled;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.ProgrammeDefined;

/**
 * The seed story's three cohorts as enrollment-service and session-service publish them, for the
 * donor report. The May cohort is the local platform's demo (deploy/local-platform SeedStory): 28
 * officials of four institutions nominated in turns, the first 25 seated, attendance as there, two
 * below the 32 of 40 hours the rule asks. The account gives no figures for the June replicas, so
 * they are made up here: the three waitlisted officials, the two who did not complete in May
 * retaking the course, and officials of other government institutions (CUSTOMS, LABOUR, DEFENCE,
 * HEALTH), two of whom do not complete. Each run has a course and a programme code of its own, so
 * the report can be asked for this story alone (by its programme) in a database other tests share.
 */
final class SeedStoryReplay {

    static final String TITLE = "Best Practices in Migration Management";
    static final double HOURS_TO_COMPLETE = 32.0;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String course = "BMM-" + run;
    final String programme = "MMG-" + run;
    final Cohort may = new Cohort(UUID.randomUUID().toString(), "BMM-2019-05-" + run, LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18));
    final Cohort juneA = new Cohort(UUID.randomUUID().toString(), "BMM-2019-06A-" + run, LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 15));
    final Cohort juneB = new Cohort(UUID.randomUUID().toString(), "BMM-2019-06B-" + run, LocalDate.of(2019, 6, 24), LocalDate.of(2019, 6, 29));
    private final Map<String, String> participantIds = new LinkedHashMap<>();

    private static final Map<String, List<String>> OFFICIALS = Map.of(
            "IMMIGRATION", List.of("Marisol Chan", "Derrick Flowers", "Yolanda Castillo", "Kareem Usher",
                    "Ana Lucía Cal", "Dwayne Gillett", "Sharon Martínez"),
            "POLICE", List.of("Constant Pascascio", "Elvis Coc", "Rosita Sho", "Glenford Young",
                    "Carmen Bol", "Jermaine Tillett", "Nadia Ramclam"),
            "MFA", List.of("Lisbeth Moguel", "Andre Pollard", "Daniela Itzá", "Kenrick Williams",
                    "Shanice Arnold", "Rolando Zetina", "Beverly Lewis"),
            "MHD", List.of("Tanya Núñez", "Abner Mai", "Cheryl Palacio", "Francisco Tzul",
                    "Maritza Ávila", "Leroy Bowen", "Imani Cacho"));
    private static final List<String> INSTITUTIONS = List.of("IMMIGRATION", "POLICE", "MFA", "MHD");
    private static final Map<String, Double> SHORT_ATTENDANCE = Map.of("Derrick Flowers", 30.0, "Andre Pollard", 24.5);
    private static final double[] FULL_ATTENDANCE = {40, 38.5, 40, 36, 32, 39.5, 40, 34.5};

    /** One run of the course. */
    record Cohort(String id, String code, LocalDate start, LocalDate end) {
    }

    /** One official's attendance of one cohort. */
    record Attendance(Cohort cohort, String name, String institution, double hours) {
        boolean completes() {
            return hours >= HOURS_TO_COMPLETE;
        }
    }

    /** Every decided attendance: 25 in May, 7 in June A, 5 in June B. */
    List<Attendance> attendances() {
        List<Attendance> attendances = new ArrayList<>();
        int nominated = 0;
        for (int i = 0; i < 7; i++) {
            for (String institution : INSTITUTIONS) {
                String name = OFFICIALS.get(institution).get(i);
                double hours = SHORT_ATTENDANCE.getOrDefault(name, FULL_ATTENDANCE[nominated % FULL_ATTENDANCE.length]);
                if (nominated < 25) {
                    attendances.add(new Attendance(may, name, institution, hours));
                }
                nominated++;
            }
        }
        attendances.add(new Attendance(juneA, "Nadia Ramclam", "POLICE", 38));
        attendances.add(new Attendance(juneA, "Beverly Lewis", "MFA", 40));
        attendances.add(new Attendance(juneA, "Imani Cacho", "MHD", 35));
        attendances.add(new Attendance(juneA, "Derrick Flowers", "IMMIGRATION", 39));
        attendances.add(new Attendance(juneA, "Orlando Vasquez", "CUSTOMS", 40));
        attendances.add(new Attendance(juneA, "Keisha Young", "CUSTOMS", 36));
        attendances.add(new Attendance(juneA, "Marcos Pop", "LABOUR", 28));
        attendances.add(new Attendance(juneB, "Andre Pollard", "MFA", 33));
        attendances.add(new Attendance(juneB, "Delroy Castillo", "CUSTOMS", 40));
        attendances.add(new Attendance(juneB, "Ruth Chiac", "LABOUR", 34));
        attendances.add(new Attendance(juneB, "Javier Canul", "DEFENCE", 20));
        attendances.add(new Attendance(juneB, "Gloria Tun", "HEALTH", 38));
        return attendances;
    }

    /** Every official's name, to prove none reaches a donor. */
    List<String> names() {
        return attendances().stream().map(Attendance::name).distinct().toList();
    }

    /** The facts in the order the services publish them: the programme, the cohorts, then each decision. */
    List<AulaEvent> events() {
        List<AulaEvent> events = new ArrayList<>();
        events.add(new ProgrammeDefined(UUID.randomUUID().toString(), programme, "Diploma in Migration Management",
                "Galen University", List.of(course, "MGV-" + run), Instant.parse("2019-01-15T09:00:00Z")));
        for (Cohort cohort : List.of(may, juneA, juneB)) {
            events.add(new CohortScheduled(cohort.id(), cohort.code(), course, TITLE, 40, cohort.start(), cohort.end(),
                    "Belmopan", 25, "Graciela Incer"));
        }
        for (Attendance attendance : attendances()) {
            events.add(decision(attendance));
        }
        return events;
    }

    private AulaEvent decision(Attendance attendance) {
        Cohort cohort = attendance.cohort();
        String participant = participantIds.computeIfAbsent(attendance.name(), name -> UUID.randomUUID().toString());
        Instant decidedAt = cohort.end().atTime(17, 0).toInstant(java.time.ZoneOffset.UTC);
        double rate = attendance.hours() / 40.0;
        if (attendance.completes()) {
            return new CourseCompleted(UUID.randomUUID().toString(), cohort.id(), cohort.code(), course, TITLE, 40, cohort.start(),
                    cohort.end(), "Belmopan", participant, attendance.name(), attendance.institution(), attendance.hours(), 40.0,
                    rate, "attendance-80-v1", decidedAt);
        }
        return new CourseNotCompleted(UUID.randomUUID().toString(), cohort.id(), cohort.code(), course, participant,
                attendance.institution(), attendance.hours(), 40.0, rate, List.of(),
                List.of("attended " + attendance.hours() + " of the 32 hours required"), "attendance-80-v1", decidedAt);
    }
}
