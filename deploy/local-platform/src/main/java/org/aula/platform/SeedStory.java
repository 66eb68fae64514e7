package org.aula.platform;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed story as data: IOM and Galen University's course "Best Practices in Migration
 * Management" (40 h, Belmopan, 13-18 May 2019, 25 seats, facilitator Graciela Incer), its two
 * June replicas, and 28 officials nominated by four Belizean institutions. Apart from Inspector
 * Constant Pascascio and Graciela Incer, who are named in the story, the officials are made up.
 */
final class SeedStory {

    static final String COURSE_CODE = "BMM";
    static final String COURSE_TITLE = "Best Practices in Migration Management";
    static final int COURSE_HOURS = 40;
    static final String LOCATION = "Belmopan";
    static final int SEATS = 25;
    static final String FACILITATOR = "Graciela Incer";
    /** 80 % of the course's 40 scheduled hours. */
    static final double HOURS_TO_COMPLETE = 32.0;

    /** The official whose certificate the demo verifies. */
    static final String PASCASCIO = "Constant Pascascio";

    /** One run of the course. */
    record Cohort(String code, LocalDate startDate, LocalDate endDate) {
        Map<String, Object> schedulingRequest() {
            return Map.of("code", code, "courseCode", COURSE_CODE, "courseTitle", COURSE_TITLE,
                    "courseHours", COURSE_HOURS, "startDate", startDate.toString(), "endDate", endDate.toString(),
                    "location", LOCATION, "capacity", SEATS, "facilitator", FACILITATOR);
        }
    }

    /** An official nominated by an institution, with the hours they will attend if they get a seat. */
    record Nominee(String name, String institutionCode, double hoursAttended) {
        String email() {
            String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.org";
        }

        Map<String, Object> nominationRequest() {
            return Map.of("name", name, "email", email(), "institutionCode", institutionCode);
        }

        boolean completes() {
            return hoursAttended >= HOURS_TO_COMPLETE;
        }
    }

    private static final Map<String, List<String>> OFFICIALS = Map.of(
            "IMMIGRATION", List.of("Marisol Chan", "Derrick Flowers", "Yolanda Castillo", "Kareem Usher",
                    "Ana Lucía Cal", "Dwayne Gillett", "Sharon Martínez"),
            "POLICE", List.of(PASCASCIO, "Elvis Coc", "Rosita Sho", "Glenford Young",
                    "Carmen Bol", "Jermaine Tillett", "Nadia Ramclam"),
            "MFA", List.of("Lisbeth Moguel", "Andre Pollard", "Daniela Itzá", "Kenrick Williams",
                    "Shanice Arnold", "Rolando Zetina", "Beverly Lewis"),
            "MHD", List.of("Tanya Núñez", "Abner Mai", "Cheryl Palacio", "Francisco Tzul",
                    "Maritza Ávila", "Leroy Bowen", "Imani Cacho"));

    /** Department of Immigration, Police Department, Ministry of Foreign Affairs, Ministry of Human Development. */
    static final List<String> INSTITUTIONS = List.of("IMMIGRATION", "POLICE", "MFA", "MHD");

    /** The institutions' names, as certificates and the verification page print them. */
    static final Map<String, String> INSTITUTION_NAMES = Map.of("IMMIGRATION", "Department of Immigration",
            "POLICE", "Police Department", "MFA", "Ministry of Foreign Affairs", "MHD", "Ministry of Human Development");

    /** Who taught the course and awards its certificates: IOM with Galen University (the lead first). */
    static final List<Organisation> AWARDING_ORGANISATIONS = List.of(
            new Organisation("IOM", "International Organization for Migration"), new Organisation("GALEN", "Galen University"));

    /** An organisation certification-service names on documents. */
    record Organisation(String code, String name) {
    }

    /** The university's diploma the course counts towards (awarded by Galen University). */
    static final String DIPLOMA_PROGRAMME_CODE = "MMG";

    /** Two seated officials miss too many hours: 30 h and 24.5 h of 40. */
    private static final Map<String, Double> SHORT_ATTENDANCE = Map.of("Derrick Flowers", 30.0, "Andre Pollard", 24.5);

    /** Attendance of everyone else: all at or above the 32 h the completion rule asks for, 32 itself included. */
    private static final double[] FULL_ATTENDANCE = {40, 38.5, 40, 36, 32, 39.5, 40, 34.5};

    private SeedStory() {
    }

    /** The May cohort and the two June replicas, with {@code suffix} appended to each code (empty on the first run). */
    static List<Cohort> cohorts(String suffix) {
        return List.of(
                new Cohort("BMM-2019-05" + suffix, LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18)),
                new Cohort("BMM-2019-06A" + suffix, LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 15)),
                new Cohort("BMM-2019-06B" + suffix, LocalDate.of(2019, 6, 24), LocalDate.of(2019, 6, 29)));
    }

    /**
     * The 28 nominations in the order they arrive: the institutions take turns, so the first 25
     * get seats (Inspector Pascascio is the second) and the last three go on the waitlist.
     */
    static List<Nominee> nominees() {
        List<Nominee> nominees = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            for (String institution : INSTITUTIONS) {
                String name = OFFICIALS.get(institution).get(i);
                double hours = SHORT_ATTENDANCE.getOrDefault(name, FULL_ATTENDANCE[nominees.size() % FULL_ATTENDANCE.length]);
                nominees.add(new Nominee(name, institution, hours));
            }
        }
        return List.copyOf(nominees);
    }
}
