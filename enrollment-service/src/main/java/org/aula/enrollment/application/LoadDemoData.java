package org.aula.enrollment.application;

import java.time.LocalDate;
import java.util.List;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.CourseId;
import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.ProgrammeId;
import org.aula.enrollment.domain.SeatQuotas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The seed story's programme, loadable on demand ({@code POST /demo-data}) or at start-up
 * ({@code aula.enrollment.demo-data.enabled=true}): IOM and Galen University's "Best Practices in Migration
 * Management" (BMM, 40 hours) within Galen University's Diploma in Migration Management (DMM-GU); the May
 * cohort in Belmopan (BMM-2019-05, 13-18 May 2019) and its two June replicas (BMM-2019-06A, BMM-2019-06B),
 * 25 seats each, all OPEN, facilitated by Graciela Incer; and the institutions: the four whose officials
 * took part (IMMIGRATION, POLICE, MFA, MHD), the university (GALEN) and IOM.
 *
 * <p>Idempotent: what exists (by code) is left as it is and publishes nothing, so loading twice, or on
 * every start, changes nothing the second time.
 */
@Service
public class LoadDemoData {

    private static final Logger log = LoggerFactory.getLogger(LoadDemoData.class);

    static final String COURSE_CODE = "BMM";
    static final String COURSE_TITLE = "Best Practices in Migration Management";
    static final int COURSE_HOURS = 40;
    static final List<String> TOPICS = List.of("Human rights", "Mixed migration flows", "Factors that influence migration",
            "International organized crime", "Emergencies", "Migration management");
    static final String COMPLETION_RULE = "attendance-80-all-assessments-v1";

    private static final List<Institution> INSTITUTIONS = List.of(
            institution("IMMIGRATION", "Department of Immigration"),
            institution("POLICE", "Police Department"),
            institution("MFA", "Ministry of Foreign Affairs"),
            institution("MHD", "Ministry of Human Development"),
            institution("GALEN", "Galen University"),
            institution("IOM", "International Organization for Migration"));

    private record SeedCohort(String code, LocalDate start, LocalDate end) {
    }

    private static final List<SeedCohort> COHORTS = List.of(
            new SeedCohort("BMM-2019-05", LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18)),
            new SeedCohort("BMM-2019-06A", LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 15)),
            new SeedCohort("BMM-2019-06B", LocalDate.of(2019, 6, 24), LocalDate.of(2019, 6, 29)));

    private final DefineInstitution institutions;
    private final DefineCourse courses;
    private final DefineProgramme programmes;
    private final ScheduleCohort scheduling;
    private final Cohorts cohorts;

    LoadDemoData(DefineInstitution institutions, DefineCourse courses, DefineProgramme programmes,
            ScheduleCohort scheduling, Cohorts cohorts) {
        this.institutions = institutions;
        this.courses = courses;
        this.programmes = programmes;
        this.scheduling = scheduling;
        this.cohorts = cohorts;
    }

    /** What a load created: how many institutions, courses, programmes and cohorts were new. */
    public record Loaded(int institutions, int courses, int programmes, int cohorts) {
    }

    /** Loads whatever of the seed story is missing. */
    public Loaded load() {
        int newInstitutions = 0;
        for (Institution institution : INSTITUTIONS) {
            newInstitutions += institutions.define(institution) == Definition.CREATED ? 1 : 0;
        }
        int newCourses = courses.define(new CatalogueCourse(CourseId.random(),
                new Course(COURSE_CODE, COURSE_TITLE, COURSE_HOURS), TOPICS, COMPLETION_RULE)).outcome() == Definition.CREATED ? 1 : 0;
        int newProgrammes = programmes.define(new Programme(ProgrammeId.random(), "DMM-GU", "Diploma in Migration Management",
                new InstitutionCode("GALEN"), List.of(COURSE_CODE))).outcome() == Definition.CREATED ? 1 : 0;
        int newCohorts = 0;
        for (SeedCohort seed : COHORTS) {
            CohortCode code = new CohortCode(seed.code());
            if (cohorts.findByCode(code).isEmpty()) {
                try {
                    scheduling.schedule(new ScheduleCohort.Command(code, COURSE_CODE, null, null, seed.start(), seed.end(),
                            "Belmopan", 25, "Graciela Incer", true, SeatQuotas.none()));
                    newCohorts++;
                } catch (CohortRefused refused) {
                    if (refused.reason() != CohortRefused.Reason.CODE_TAKEN) {
                        throw refused;
                    }
                    // Another replica loading at the same moment scheduled it first: that is the outcome we want.
                    log.info("Demo cohort {} was scheduled concurrently", code);
                }
            }
        }
        Loaded loaded = new Loaded(newInstitutions, newCourses, newProgrammes, newCohorts);
        log.info("Demo data loaded: {}", loaded);
        return loaded;
    }

    private static Institution institution(String code, String name) {
        return new Institution(new InstitutionCode(code), name);
    }

    /** Loads the demo data once the service is ready, when {@code aula.enrollment.demo-data.enabled} is true. */
    @Component
    @ConditionalOnBooleanProperty("aula.enrollment.demo-data.enabled")
    static class AtStartup {

        private final LoadDemoData demoData;

        AtStartup(LoadDemoData demoData) {
            this.demoData = demoData;
        }

        @EventListener(ApplicationReadyEvent.class)
        void load() {
            demoData.load();
        }
    }
}
