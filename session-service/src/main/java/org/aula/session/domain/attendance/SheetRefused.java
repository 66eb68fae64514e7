package org.aula.session.domain.attendance;

import java.util.List;

import org.aula.kernel.Refusal;

/** An attendance sheet with lines that cannot be recorded; nothing of the sheet was recorded. */
public class SheetRefused extends Refusal {

    /** Why the sheet was refused. */
    public enum Reason {
        /** Every faulty line names someone who cannot attend (not on the roster, withdrawn, ambiguous). */
        NAMES_WHO_CANNOT_ATTEND,
        /** At least one line has a value at fault. */
        INVALID_LINES
    }

    /**
     * What is wrong with one line.
     *
     * @param roster true when the line is well-formed but names someone who cannot attend (not on
     *               the roster, withdrawn, ambiguous); false when a value is wrong
     */
    public record LineError(int line, String field, String message, boolean roster) {
    }

    private final List<LineError> errors;

    public SheetRefused(List<LineError> errors) {
        super(errors.stream().allMatch(LineError::roster) ? Reason.NAMES_WHO_CANNOT_ATTEND : Reason.INVALID_LINES,
                summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    /** Whether every error is about who the lines name rather than about the values. */
    public boolean onlyRosterErrors() {
        return reason() == Reason.NAMES_WHO_CANNOT_ATTEND;
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }

    private static String summary(List<LineError> errors) {
        LineError first = errors.get(0);
        return "line " + first.line() + ", " + first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + "; nothing was recorded";
    }
}
