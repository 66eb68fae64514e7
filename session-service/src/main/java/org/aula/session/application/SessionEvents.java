package org.aula.session.application;

import org.aula.session.domain.ParticipantId;

import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.delivery.DeliveryClosure;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.rule.Decision;

/**
 * Where the session service announces what happened (the outbox, in the messaging adapter). Every
 * method is called inside the transaction that made the change, with the cohort's roster locked,
 * so an announcement commits with its change or not at all, in the cohort's order.
 */
public interface SessionEvents {

    /** A delivery plan was published: revision 1, or a later revision after staff changed it. */
    void planPublished(Roster roster, DeliveryPlan plan);

    /** A participant was decided: {@code course.completed} or {@code course.not-completed}. */
    void decided(Roster roster, Completion completion);

    /** A decision was revised after a correction. */
    void revised(Roster roster, Completion revised, Decision previousDecision, String cause);

    /** A cohort's delivery was closed and its participants decided. */
    void deliveryClosed(Roster roster, DeliveryClosure closure);

    /** An erased participant's name leaves the events this service still keeps; returns how many changed. */
    int forgetName(ParticipantId participantId, String replacement);
}
