package org.aula.enrollment.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A participant's e-mail address, the natural key of a person: compared case-insensitively, so
 * it is kept lower-cased ({@code Constant.Pascascio@Police.gov.bz} and
 * {@code constant.pascascio@police.gov.bz} are one person).
 */
public record EmailAddress(String value) {

    /** Deliberately loose (one {@code @}, a dot in the domain, no blanks): the address is a key, not a mailbox check. */
    public static final String PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** The longest address SMTP allows. */
    public static final int MAX_LENGTH = 254;
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        // Personal data: keep it out of logs and exception messages that print ids.
        return "EmailAddress[redacted]";
    }
}
