package org.aula.enrollment.persistence;

import java.util.List;

import org.aula.enrollment.domain.EnrolmentFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link EnrolmentFigures} counted from tables {@code cohort} and {@code enrolment}. */
@Repository
class JdbcEnrolmentFigures implements EnrolmentFigures {

    private final JdbcClient jdbc;

    JdbcEnrolmentFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CohortFill> liveCohorts() {
        return jdbc.sql("""
                select c.code, c.seats_taken, c.capacity,
                       (select count(*) from enrolment e where e.cohort_id = c.id and e.status = 'WAITLISTED') as waitlisted
                from cohort c
                where c.status in ('PLANNED', 'OPEN', 'FULL', 'IN_DELIVERY')
                order by c.code
                """)
                .query((row, n) -> new CohortFill(row.getString("code"), row.getInt("seats_taken"), row.getInt("capacity"),
                        row.getInt("waitlisted")))
                .list();
    }

    @Override
    public List<InstitutionHeadcount> byInstitution() {
        return jdbc.sql("""
                select e.institution_code,
                       count(*) filter (where e.status = 'ENROLLED') as enrolled,
                       count(*) filter (where e.status = 'WAITLISTED' and c.status in ('PLANNED', 'OPEN', 'FULL')) as waitlisted
                from enrolment e join cohort c on c.id = e.cohort_id
                where c.status <> 'CANCELLED'
                group by e.institution_code
                order by e.institution_code
                """)
                .query((row, n) -> new InstitutionHeadcount(row.getString("institution_code"), row.getLong("enrolled"),
                        row.getLong("waitlisted")))
                .list();
    }
}
