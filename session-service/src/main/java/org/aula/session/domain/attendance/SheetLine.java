package org.aula.session.domain.attendance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an attendance sheet: who (by participant id, seat number or name, as the sheet's
 * columns say) attended how many hours.
 *
 * @param line the line's number in the uploaded file (the header is line 1)
 */
public record SheetLine(int line, Who who, BigDecimal hours) {

    public SheetLine {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(hours, "hours");
    }

    /** How a sheet names a participant. */
    public sealed interface Who {
        /** The sheet's column that named the participant, for error messages. */
        String column();
    }

    /** By the id enrollment-service gave the participant. */
    public record ById(String participantId) implements Who {
        @Override
        public String column() {
            return "participantId";
        }
    }

    /** By the seat the participant holds. */
    public record BySeat(int seat) implements Who {
        @Override
        public String column() {
            return "seat";
        }
    }

    /** By name, ignoring case, accents and spacing. */
    public record ByName(String name) implements Who {
        @Override
        public String column() {
            return "name";
        }
    }
}
