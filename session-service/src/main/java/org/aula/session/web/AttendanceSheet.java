package org.aula.session.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.domain.attendance.SheetLine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Reads an attendance sheet as facilitators keep them: CSV (RFC 4180 quoting), a header line,
 * then one line per participant. Columns, matched ignoring case, spaces, '_' and '-':
 * {@code hours} (also {@code hoursAttended}) and one way to name the participant, in this order of
 * preference: {@code participantId} (or {@code id}), {@code seat} (or {@code seatNumber}),
 * {@code name} (or {@code participantName}, {@code fullName}). Other columns (signature,
 * institution, remarks) are ignored. The delimiter is ',' unless the header uses ';' (then a
 * decimal comma is accepted, as spreadsheets in many locales write it). Blank lines and a UTF-8
 * byte order mark are ignored. Every fault is reported with its line (the header is line 1) and
 * column; one fault and nothing of the sheet is recorded.
 */
final class AttendanceSheet {

    private enum Column { ID, SEAT, NAME, HOURS, EMAIL }

    private static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("participantid", Column.ID), Map.entry("id", Column.ID),
            Map.entry("seat", Column.SEAT), Map.entry("seatnumber", Column.SEAT), Map.entry("seatno", Column.SEAT),
            Map.entry("name", Column.NAME), Map.entry("participantname", Column.NAME),
            Map.entry("fullname", Column.NAME), Map.entry("participant", Column.NAME),
            Map.entry("hours", Column.HOURS), Map.entry("hoursattended", Column.HOURS),
            Map.entry("email", Column.EMAIL), Map.entry("emailaddress", Column.EMAIL));

    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    private AttendanceSheet() {
    }

    /** The error field of a line's column, e.g. {@code line[3].hours}. */
    static String field(int line, String column) {
        return "line[" + line + "]." + column;
    }

    /**
     * The sheet's participant lines.
     *
     * @throws ApiProblem 400 naming every faulty line and field, or the header's fault
     */
    static List<SheetLine> parse(String text, int maxLines) {
        return new AttendanceSheet().read(text, maxLines);
    }

    private List<SheetLine> read(String text, int maxLines) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] physical = body.split("\r\n|\n|\r", -1);
        int headerLine = 0;
        while (headerLine < physical.length && physical[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == physical.length) {
            throw refuse("the sheet is empty: a header line (e.g. participantId,hours) and one line per participant");
        }
        char delimiter = delimiter(physical[headerLine]);
        Map<Column, Integer> columns = header(split(physical[headerLine], delimiter, headerLine + 1), headerLine + 1);
        Column who = columns.containsKey(Column.ID) ? Column.ID : columns.containsKey(Column.SEAT) ? Column.SEAT : Column.NAME;
        List<SheetLine> lines = new ArrayList<>();
        int participantLines = 0;
        for (int i = headerLine + 1; i < physical.length; i++) {
            if (physical[i].isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            if (++participantLines > maxLines) {
                errors.add(new ApiProblem.FieldError(field(lineNumber, "line"),
                        "a sheet holds at most " + maxLines + " participant lines"));
                break;
            }
            List<String> cells = split(physical[i], delimiter, lineNumber);
            if (cells == null) {
                continue;
            }
            SheetLine.Who participant = who(cells, columns, who, lineNumber);
            BigDecimal hours = hours(cell(cells, columns.get(Column.HOURS)), delimiter, lineNumber);
            if (participant != null && hours != null) {
                lines.add(new SheetLine(lineNumber, participant, hours));
            }
        }
        if (!errors.isEmpty()) {
            ApiProblem.FieldError first = errors.get(0);
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed attendance sheet",
                    first.field() + ": " + first.message()
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "") + "; nothing was recorded",
                    errors);
        }
        if (lines.isEmpty()) {
            throw refuse("the sheet has a header but no participant lines");
        }
        return lines;
    }

    private static char delimiter(String header) {
        if (header.indexOf(',') < 0 && header.indexOf(';') >= 0) {
            return ';';
        }
        if (header.indexOf(',') < 0 && header.indexOf('\t') >= 0) {
            return '\t';
        }
        return ',';
    }

    private Map<Column, Integer> header(@Nullable List<String> cells, int lineNumber) {
        if (cells == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed attendance sheet", errors.get(0).message(), errors);
        }
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            Column column = HEADERS.get(name);
            if (column != null && columns.putIfAbsent(column, i) != null) {
                throw refuse(field(lineNumber, cells.get(i).strip()), "the header names this column twice");
            }
        }
        if (!columns.containsKey(Column.HOURS)) {
            throw refuse(field(lineNumber, "hours"), "the header has no hours column (e.g. participantId,hours)");
        }
        if (!columns.containsKey(Column.ID) && !columns.containsKey(Column.SEAT) && !columns.containsKey(Column.NAME)) {
            throw refuse(field(lineNumber, "participantId"), columns.containsKey(Column.EMAIL)
                    ? "e-mail addresses do not identify participants here (enrollment events do not carry them): "
                            + "add a participantId, seat or name column"
                    : "the header names no participantId, seat or name column");
        }
        return columns;
    }

    private SheetLine.@Nullable Who who(List<String> cells, Map<Column, Integer> columns, Column who, int lineNumber) {
        String value = cell(cells, columns.get(who));
        String column = switch (who) {
            case ID -> "participantId";
            case SEAT -> "seat";
            default -> "name";
        };
        if (value.isEmpty()) {
            errors.add(new ApiProblem.FieldError(field(lineNumber, column), "missing"));
            return null;
        }
        return switch (who) {
            case ID -> new SheetLine.ById(value);
            case SEAT -> seat(value, lineNumber);
            default -> new SheetLine.ByName(value);
        };
    }

    private SheetLine.@Nullable Who seat(String value, int lineNumber) {
        try {
            int seat = Integer.parseInt(value);
            if (seat > 0) {
                return new SheetLine.BySeat(seat);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ApiProblem.FieldError(field(lineNumber, "seat"), "not a seat number: '" + value + "'"));
        return null;
    }

    private @Nullable BigDecimal hours(String value, char delimiter, int lineNumber) {
        String field = field(lineNumber, "hours");
        if (value.isEmpty()) {
            errors.add(new ApiProblem.FieldError(field, "missing (write 0 for someone absent)"));
            return null;
        }
        String number = delimiter == ';' ? value.replace(',', '.') : value;
        if (!number.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            errors.add(new ApiProblem.FieldError(field,
                    "not a number of hours (digits, at most 2 decimals): '" + value + "'"));
            return null;
        }
        return new BigDecimal(number);
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index).strip() : "";
    }

    /** One line's cells (RFC 4180 quoting, no line breaks inside quotes); null, with the error noted, if malformed. */
    private @Nullable List<String> split(String line, char delimiter, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            errors.add(new ApiProblem.FieldError(field(lineNumber, "line"), "a quoted cell is not closed"));
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    private static ApiProblem refuse(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed attendance sheet", detail, List.of());
    }

    private static ApiProblem refuse(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed attendance sheet", field + ": " + message,
                List.of(new ApiProblem.FieldError(field, message)));
    }
}
