package org.aula.session.domain.attendance;

import java.util.List;

/** An attendance sheet with lines that cannot be recorded; nothing of the sheet was recorded. */
public class SheetRefused extends RuntimeException {

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
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    /** Whether every error is about who the lines name rather than about the values. */
    public boolean onlyRosterErrors() {
        return errors.stream().allMatch(LineError::roster);
    }

    private static String summary(List<LineError> errors) {
        LineError first = errors.get(0);
        return "line " + first.line() + ", " + first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + "; nothing was recorded";
    }
}
