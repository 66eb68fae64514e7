package org.aula.events.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletRequest;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(10);

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        MockHttpServletRequest request = post("0123456789A", false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Payload too large\"").contains("10 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyOverTheLimitIsCountedAndRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("0123456789A", true), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReplayedToTheApplication() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("0123456789", true), new MockHttpServletResponse(), chain);

        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
        assertThat(passed.getContentLengthLong()).isEqualTo(10);
    }

    @Test
    void aDeclaredBodyWithinTheLimitPassesUntouched() throws Exception {
        MockHttpServletRequest request = post("0123456789", false);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest post(String body, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cohorts");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            // MockHttpServletRequest derives the length from the content; a chunked request has none.
            request = new MockHttpServletRequest("POST", "/cohorts") {
                @Override
                public long getContentLengthLong() {
                    return -1;
                }

                @Override
                public int getContentLength() {
                    return -1;
                }
            };
            request.setContentType("application/json");
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }
}
