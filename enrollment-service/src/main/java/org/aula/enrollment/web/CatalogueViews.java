package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Programme;
import org.jspecify.annotations.Nullable;

/** The catalogue as the API shows it. */
final class CatalogueViews {

    private CatalogueViews() {
    }

    /** An institution, with the Kafka topic of its partner feed. */
    record InstitutionView(String code, String name, String partnerFeedTopic) {

        static InstitutionView of(Institution institution) {
            return new InstitutionView(institution.code().value(), institution.name(),
                    "partner." + institution.code().value() + ".enrollment");
        }
    }

    record CourseView(String id, String code, String title, int hours, List<String> topics, String completionRuleRef) {

        static CourseView of(CatalogueCourse course) {
            return new CourseView(course.id().toString(), course.code(), course.course().title(), course.course().hours(),
                    course.topics(), course.completionRuleRef());
        }
    }

    record ProgrammeView(String id, String code, String title, String awardingInstitutionCode,
            List<String> requiredCourseCodes) {

        static ProgrammeView of(Programme programme) {
            return new ProgrammeView(programme.id().toString(), programme.code(), programme.title(),
                    programme.awardingInstitution().value(), programme.requiredCourseCodes());
        }
    }

    record ParticipantView(String id, String name, String email, @Nullable String position, String institutionCode) {

        static ParticipantView of(Participant participant) {
            return new ParticipantView(participant.id().toString(), participant.name(), participant.email().value(),
                    participant.position(), participant.institution().value());
        }

        @Override
        public String toString() {
            return "ParticipantView[" + id + "]";
        }
    }
}
