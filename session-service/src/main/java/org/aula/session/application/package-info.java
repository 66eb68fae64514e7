/**
 * The session service's use cases, one class each, transactions here: {@link
 * org.aula.session.application.KeepRoster} and {@link org.aula.session.application.KeepCatalogue}
 * follow enrollment-service's facts, {@link org.aula.session.application.PlanDelivery} plans the
 * delivery, {@link org.aula.session.application.DeliverSession}, {@link
 * org.aula.session.application.RecordAttendance} and {@link
 * org.aula.session.application.RecordAssessmentResult} record it, {@link
 * org.aula.session.application.CloseDelivery} decides, {@link
 * org.aula.session.application.DefineCompletionRule} versions the rules, and {@link
 * org.aula.session.application.RecordCompletion} is the staff shortcut deciding from stated hours.
 */
@NullMarked
package org.aula.session.application;

import org.jspecify.annotations.NullMarked;
