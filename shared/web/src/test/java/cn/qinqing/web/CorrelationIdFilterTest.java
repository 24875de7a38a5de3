package cn.qinqing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** One correlation id per request: in the log context while it is handled, echoed, and passed on to the APIs. */
class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @Test
    void aSaneIdOfTheCallerIsKeptLoggedEchoedAndForwardedThenForgotten() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/enterprise");
        request.addHeader(CorrelationIdFilter.HEADER, "filing-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> logged = new AtomicReference<>();
        AtomicReference<String> forwarded = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> {
            logged.set(MDC.get(CorrelationIdFilter.MDC_KEY));
            forwarded.set(callAnApi().getHeaders().getFirst(CorrelationIdFilter.HEADER));
        });

        assertThat(logged.get()).isEqualTo("filing-42");
        assertThat(forwarded.get()).isEqualTo("filing-42");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("filing-42");
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).isNull();
        assertThat(CorrelationIdFilter.current()).isEmpty();
        assertThat(callAnApi().getHeaders().containsKey(CorrelationIdFilter.HEADER))
                .as("no request, nothing to pass on")
                .isFalse();
    }

    @Test
    void anInsaneIdIsReplacedByANewOne() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader(CorrelationIdFilter.HEADER, "<script>alert(1)</script>");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> logged = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> logged.set(MDC.get(CorrelationIdFilter.MDC_KEY)));

        assertThat(logged.get()).matches("[0-9a-f-]{36}").isEqualTo(response.getHeader(CorrelationIdFilter.HEADER));
    }

    private static MockClientHttpRequest callAnApi() {
        MockClientHttpRequest outgoing = new MockClientHttpRequest(HttpMethod.GET, URI.create("http://appeals/api"));
        try {
            CorrelationIdFilter.forwarding()
                    .intercept(outgoing, new byte[0], (request, body) -> new MockClientHttpResponse());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return outgoing;
    }
}
