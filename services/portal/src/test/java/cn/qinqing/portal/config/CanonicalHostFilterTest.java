package cn.qinqing.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A page opened at another address of the portal goes to its public URL before sign-in can start there. */
class CanonicalHostFilterTest {

    private final CanonicalHostFilter filter = new CanonicalHostFilter(URI.create("http://localhost:8080"));

    @Test
    void aPageOpenedAtTheLoopbackAddressIsSentToThePublicUrlWithItsPathAndQuery() throws Exception {
        MockHttpServletResponse response = run(request("GET", "127.0.0.1", 8080, "/enterprise/appeals", "lang=en"));

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("http://localhost:8080/enterprise/appeals?lang=en");
    }

    @Test
    void signInStartedAtAnotherPortIsSentToThePublicUrlToo() throws Exception {
        MockHttpServletResponse response =
                run(request("GET", "localhost", 8081, "/oauth2/authorization/qinqing", null));

        assertThat(response.getRedirectedUrl()).isEqualTo("http://localhost:8080/oauth2/authorization/qinqing");
    }

    @Test
    void thePublicUrlItselfPassesThrough() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request("GET", "LOCALHOST", 8080, "/", null), response, chain);

        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void formsAndTheHealthCheckAreAnsweredAtAnyAddress() throws Exception {
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {
            request("POST", "127.0.0.1", 8080, "/logout", null),
            request("GET", "127.0.0.1", 8080, "/actuator/health", null)
        }) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, chain);
            assertThat(response.getRedirectedUrl()).as(request.getRequestURI()).isNull();
            assertThat(chain.getRequest()).as(request.getRequestURI()).isNotNull();
        }
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest())
                .as("the page is not served at the other address")
                .isNull();
        return response;
    }

    private static MockHttpServletRequest request(String method, String host, int port, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setScheme("http");
        request.setServerName(host);
        request.setServerPort(port);
        request.setQueryString(query);
        return request;
    }
}
