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
    /**
     * The domain of the placeholders that replace the addresses of erased participants: {@code .invalid} is
     * reserved (RFC 2606), so no real mailbox has it, and nobody may register an address there.
     */
    public static final String ERASED_DOMAIN = "erased.invalid";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /**
     * The address an erased participant keeps in place of theirs: unique per participant (the unique key stays
     * true) and made of the participant's id only, so it tells nothing about the address it replaced.
     */
    public static EmailAddress erasedPlaceholder(ParticipantId participant) {
        return new EmailAddress("erased-" + participant.value() + "@" + ERASED_DOMAIN);
    }

    /** Whether this is an erased participant's placeholder (or any address at {@link #ERASED_DOMAIN}). */
    public boolean isErasurePlaceholder() {
        return value.endsWith("@" + ERASED_DOMAIN);
    }

    @Override
    public String toString() {
        // Personal data: keep it out of logs and exception messages that print ids.
        return "EmailAddress[redacted]";
    }
}
