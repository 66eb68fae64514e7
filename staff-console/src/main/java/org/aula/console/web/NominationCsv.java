package org.aula.console.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.aula.console.services.EnrollmentApi.Official;
import org.jspecify.annotations.Nullable;

/**
 * An institution's list of officials as a CSV file: a header naming {@code name}, {@code email} and
 * optionally {@code position} (any order, any case; other columns ignored; {@code ,} or {@code ;}),
 * then one official per line. Every faulty line is reported with its number (the header is line 1)
 * so that the person can fix the file; a list with any error is nominated not at all.
 */
final class NominationCsv {

    /** The officials read, and the errors found; nominate only when there are no errors. */
    record Reading(List<Official> officials, List<LineError> errors) {
    }

    /** What is wrong on one line of the file. */
    record LineError(int line, String column, String problem) {
    }

    static final int MAX_OFFICIALS = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private NominationCsv() {
    }

    static Reading read(String text) {
        List<Official> officials = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<String> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            errors.add(new LineError(1, "header", "the file is empty; the first line must name the columns name,email,position"));
            return new Reading(officials, errors);
        }
        char delimiter = lines.get(0).indexOf(',') < 0 && lines.get(0).indexOf(';') >= 0 ? ';' : ',';
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = cells(lines.get(0), delimiter);
        if (header == null) {
            errors.add(new LineError(1, "header", "a quote is opened and never closed"));
            return new Reading(officials, errors);
        }
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""), i);
        }
        for (String required : List.of("name", "email")) {
            if (!columns.containsKey(required)) {
                errors.add(new LineError(1, required, "the header has no column \"" + required + "\""));
            }
        }
        if (!errors.isEmpty()) {
            return new Reading(officials, errors);
        }
        Set<String> emails = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = cells(lines.get(i), delimiter);
            if (cells == null) {
                errors.add(new LineError(lineNumber, "line", "a quote is opened and never closed"));
                continue;
            }
            String name = cell(cells, columns.get("name"));
            String email = cell(cells, columns.get("email"));
            String position = columns.containsKey("position") ? cell(cells, columns.get("position")) : "";
            int before = errors.size();
            if (name.isEmpty()) {
                errors.add(new LineError(lineNumber, "name", "the name is missing"));
            }
            if (email.isEmpty()) {
                errors.add(new LineError(lineNumber, "email", "the e-mail address is missing"));
            } else if (!EMAIL.matcher(email).matches()) {
                errors.add(new LineError(lineNumber, "email", "\"" + email + "\" is not an e-mail address"));
            } else if (!emails.add(email.toLowerCase(Locale.ROOT))) {
                errors.add(new LineError(lineNumber, "email", "the same e-mail address is on an earlier line"));
            }
            if (errors.size() == before) {
                officials.add(new Official(name, email, position.isEmpty() ? null : position));
            }
        }
        if (officials.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(2, "name", "the file lists no officials"));
        }
        if (officials.size() > MAX_OFFICIALS) {
            errors.add(new LineError(MAX_OFFICIALS + 2, "name", "at most " + MAX_OFFICIALS + " officials per file"));
        }
        return new Reading(List.copyOf(officials), List.copyOf(errors));
    }

    /** The line (header = 1) on which the {@code index}-th official read stands. */
    static int lineOf(String text, int index) {
        List<String> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        int seen = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && ++seen == index) {
                return i + 1;
            }
        }
        return index + 2;
    }

    private static List<String> lines(String text) {
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index).trim() : "";
    }

    /**
     * The cells of one line, RFC 4180 quoting (quotes around a cell, {@code ""} for a quote inside), by Commons
     * CSV; {@code null} when the quoting is broken (a quote never closed).
     */
    private static @Nullable List<String> cells(String line, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }
}
