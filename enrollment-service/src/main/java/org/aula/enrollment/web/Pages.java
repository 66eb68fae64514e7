package org.aula.enrollment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.domain.Paging;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Pagination of every list endpoint: {@code page} (from 0) and {@code size} (1..max) query parameters; the
 * answer is the JSON array of the page's items (so list shapes stay plain arrays), with the
 * {@code X-Total-Count} header (items in the whole list) and an RFC 8288 {@code Link} header with
 * {@code first}, {@code prev}, {@code next} and {@code last} pages. The links repeat the request's query, so
 * when that is long (a client may add parameters the list ignores) they are left out rather than sent in a
 * header larger than the server can write.
 */
@Component
class Pages {

    static final String TOTAL_COUNT = "X-Total-Count";
    /** The longest {@code Link} header sent (Tomcat's whole response header buffer is 8 KiB by default). */
    static final int MAX_LINK_HEADER = 2048;

    private final EnrollmentProperties.Paging config;

    Pages(EnrollmentProperties properties) {
        this.config = properties.paging();
    }

    /** The page asked for; 400 naming {@code page} or {@code size} when they are not numbers in range. */
    Paging of(@Nullable String page, @Nullable String size) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        int pageNumber = parse(page, 0, "page", 0, Integer.MAX_VALUE, errors);
        int pageSize = parse(size, config.defaultSize(), "size", 1, config.maxSize(), errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "the paging parameters are out of range", errors);
        }
        return new Paging(pageNumber, pageSize);
    }

    /** The page's items as a JSON array, with the count and links in headers. */
    <T, V> ResponseEntity<List<V>> respond(Paging.Page<T> page, Function<T, V> view) {
        Paging paging = page.paging();
        int last = Math.max(0, page.totalPages() - 1);
        List<String> links = new ArrayList<>();
        links.add(link(0, paging.size(), "first"));
        if (paging.page() > 0) {
            links.add(link(Math.min(paging.page() - 1, last), paging.size(), "prev"));
        }
        if (paging.page() < last) {
            links.add(link(paging.page() + 1, paging.size(), "next"));
        }
        links.add(link(last, paging.size(), "last"));
        String link = String.join(", ", links);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total()));
        if (link.length() <= MAX_LINK_HEADER) {
            answer.header("Link", link);
        }
        return answer.body(page.items().stream().map(view).toList());
    }

    private static String link(int page, int size, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page).replaceQueryParam("size", size).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }

    private static int parse(@Nullable String text, int absent, String field, int min, int max,
            List<ApiProblem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ApiProblem.FieldError(field, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
        return absent;
    }
}
