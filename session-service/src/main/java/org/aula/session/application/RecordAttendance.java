package org.aula.session.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.attendance.AttendanceEntry;
import org.aula.session.domain.attendance.AttendanceLog;
import org.aula.session.domain.attendance.AttendanceSource;
import org.aula.session.domain.attendance.SheetLine;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the hours participants attended of a delivered session, one at a time or a whole
 * attendance sheet at once (all of it or nothing). Each figure is a new entry: a correction never
 * overwrites, the latest entry counts. A correction after the delivery closed revises the
 * participant's decision when it changes it.
 */
@Service
public class RecordAttendance {

    private static final Logger log = LoggerFactory.getLogger(RecordAttendance.class);

    private final Rosters rosters;
    private final DeliveryPlans plans;
    private final AttendanceLog attendance;
    private final Reconsider reconsider;
    private final Clock clock;

    RecordAttendance(Rosters rosters, DeliveryPlans plans, AttendanceLog attendance, Reconsider reconsider,
            Clock clock) {
        this.rosters = rosters;
        this.plans = plans;
        this.attendance = attendance;
        this.reconsider = reconsider;
        this.clock = clock;
    }

    /**
     * The entry that counts now, whether this call recorded it ({@code false}: the same hours were
     * the latest already), and the decision revision it caused, if any.
     */
    public record Recorded(AttendanceEntry entry, boolean changed, Optional<Completion> revision) {
    }

    /** What a sheet did: lines read, entries recorded, lines that repeated the latest hours, decisions revised. */
    public record SheetRecorded(UUID sheetId, int lines, int recorded, int unchanged, List<Completion> revisions) {
    }

    /**
     * @throws DeliveryRefused   for a cohort never heard of, without a plan, for an unknown or undelivered session, hours above the
     *                           session's, a participant not on the roster or withdrawn
     */
    @Transactional
    public Recorded record(CohortId cohortId, SessionId sessionId, ParticipantId participantId, BigDecimal hours) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        DeliveryPlan plan = plans.of(cohortId).orElseThrow(() -> DeliveryRefused.noPlan(cohortId));
        plan.acceptAttendance(sessionId, roster, participantId, hours);
        Optional<AttendanceEntry> latest = attendance.latest(cohortId, sessionId, participantId);
        if (latest.isPresent() && latest.get().sameHoursAs(hours)) {
            return new Recorded(latest.get(), false, Optional.empty());
        }
        Instant now = now();
        AttendanceEntry entry = new AttendanceEntry(cohortId, sessionId, participantId, hours, AttendanceSource.SINGLE,
                null, now);
        attendance.append(entry);
        log.info("attendance of participant {} in session {} of cohort {} recorded{}", participantId, sessionId, cohortId,
                latest.isPresent() ? " (correction)" : "");
        Optional<Completion> revision = plan.closed()
                ? reconsider.afterCorrection(roster, plan, participantId, "attendance corrected in session " + sessionId, now)
                : Optional.empty();
        return new Recorded(entry, true, revision);
    }

    /**
     * Records a whole sheet for one session, atomically: if any line names someone who cannot
     * attend or gives impossible hours, nothing is recorded and every faulty line is reported.
     *
     * @throws org.aula.session.domain.attendance.SheetRefused naming each faulty line and field
     * @throws DeliveryRefused for the session as a whole (unknown cohort, no plan, unknown or undelivered session)
     */
    @Transactional
    public SheetRecorded recordSheet(CohortId cohortId, SessionId sessionId, List<SheetLine> lines) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        DeliveryPlan plan = plans.of(cohortId).orElseThrow(() -> DeliveryRefused.noPlan(cohortId));
        Map<ParticipantId, BigDecimal> hoursOf = plan.acceptSheet(sessionId, lines, roster);
        UUID sheetId = UUID.randomUUID();
        Instant now = now();
        int recorded = 0;
        List<ParticipantId> changed = new ArrayList<>();
        for (Map.Entry<ParticipantId, BigDecimal> line : hoursOf.entrySet()) {
            Optional<AttendanceEntry> latest = attendance.latest(cohortId, sessionId, line.getKey());
            if (latest.isPresent() && latest.get().sameHoursAs(line.getValue())) {
                continue;
            }
            attendance.append(new AttendanceEntry(cohortId, sessionId, line.getKey(), line.getValue(),
                    AttendanceSource.SHEET, sheetId, now));
            recorded++;
            changed.add(line.getKey());
        }
        List<Completion> revisions = new ArrayList<>();
        if (plan.closed()) {
            for (ParticipantId participantId : changed) {
                reconsider.afterCorrection(roster, plan, participantId,
                        "attendance corrected in session " + sessionId + " (sheet " + sheetId + ")", now)
                        .ifPresent(revisions::add);
            }
        }
        log.info("attendance sheet {} for session {} of cohort {}: {} lines, {} recorded", sheetId, sessionId, cohortId,
                lines.size(), recorded);
        return new SheetRecorded(sheetId, lines.size(), recorded, lines.size() - recorded, revisions);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
