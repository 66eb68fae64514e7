package org.aula.certification.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The verification answer for a person: a small HTML page a phone shows well after scanning the
 * QR code on the paper (the status in large letters, then holder, course, dates, the awarding
 * organisations). Machines get the same answer as JSON; {@link #wanted} decides which, from
 * {@code Accept}. Every value is HTML-escaped; the page loads nothing (no script, no style sheet,
 * no image from elsewhere), which its Content-Security-Policy states.
 */
final class VerificationPage {

    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private VerificationPage() {
    }

    /**
     * True when the client ranks HTML above JSON (a browser: {@code text/html,...,*}{@code /*;q=0.8}).
     * No {@code Accept}, {@code *}{@code /*}, JSON first, or an unreadable header: JSON, the contract
     * the first version's clients rely on.
     */
    static boolean wanted(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                return type.getQualityValue() > 0;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
        }
        return false;
    }

    static String of(Verifications.CertificateAnswer answer) {
        Page page = new Page("Certificate " + answer.number(), answer.verificationStatus());
        page.headline(switch (answer.verificationStatus()) {
            case VALID -> "This certificate is valid.";
            case REVOKED -> "This certificate was revoked and is no longer valid.";
            case EXPIRED -> "This certificate has expired.";
            default -> "";
        });
        page.fact("Holder", answer.holderName());
        page.fact("Nominated by", answer.institutionCode());
        page.fact("Course", answer.courseTitle() + " (" + answer.courseCode() + ")");
        page.fact("Hours", Integer.toString(answer.courseHours()));
        page.fact("Cohort", answer.cohortCode());
        page.fact("Dates", day(answer.startDate()) + " to " + day(answer.endDate()));
        page.fact("Issued", day(answer.issuedAt()));
        if (answer.validUntil() != null) {
            page.fact("Valid until", day(answer.validUntil()));
        }
        if (answer.revokedAt() != null) {
            page.fact("Revoked", day(answer.revokedAt()));
            page.fact("Reason", answer.revocationReason());
        }
        page.fact("Number", answer.number());
        return page.html();
    }

    static String unknown(String number) {
        Page page = new Page("Certificate unknown", VerificationStatus.UNKNOWN);
        page.headline("No certificate was issued with this number. Check that it is typed exactly as printed.");
        page.fact("Number", number);
        return page.html();
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

    private static String day(Instant instant) {
        return day(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** One page: title, a coloured status banner, a headline, and a list of facts. */
    private static final class Page {

        private final String title;
        private final VerificationStatus status;
        private final StringBuilder body = new StringBuilder();

        Page(String title, VerificationStatus status) {
            this.title = title;
            this.status = status;
        }

        void headline(String text) {
            body.append("<p class=\"headline\">").append(escape(text)).append("</p>\n<dl>\n");
        }

        void fact(String label, @Nullable String value) {
            body.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value == null ? "" : value))
                    .append("</dd>\n");
        }

        String html() {
            String colour = status == VerificationStatus.VALID ? "#1b6e2d" : "#a40000";
            return """
                    <!DOCTYPE html>
                    <html lang="en">
                    <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <meta name="robots" content="noindex">
                    <title>%s</title>
                    <style>
                    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1d;line-height:1.4}
                    main{max-width:36rem;margin:0 auto;padding:1rem}
                    .status{background:%s;color:#fff;font-size:2rem;font-weight:700;text-align:center;padding:1rem;border-radius:.5rem;letter-spacing:.05em}
                    .headline{font-size:1.15rem}
                    dt{font-size:.85rem;color:#555;margin-top:.7rem}
                    dd{margin:0;font-size:1.1rem}
                    </style>
                    </head>
                    <body>
                    <main>
                    <h1 class="status" id="verificationStatus">%s</h1>
                    %s</dl>
                    </main>
                    </body>
                    </html>
                    """.formatted(escape(title), colour, status.name(), body);
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}
