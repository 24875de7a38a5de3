package cn.qinqing.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Given a database, the portal keeps its sessions there (schema portal), so that another instance behind the load
 * balancer finds the session of the same cookie: the sign-in that a visitor starts on one instance (the authorization
 * request, with its PKCE verifier) is a row in PostgreSQL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qinqing.portal.client-secret=test-secret", "qinqing.portal.issuer=http://localhost:9000"})
class SessionsInDatabaseTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.get().another("portal_sessions");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private SessionRepository<?> sessions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aSignInStartedHereIsASessionInPostgreSql() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/qinqing"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("QINQING_PORTAL_SESSION="))
                .findFirst()
                .orElseThrow();
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        String sessionId = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);

        assertThat(sessions).isInstanceOf(JdbcIndexedSessionRepository.class);
        List<String> attributes = jdbc.queryForList(
                "SELECT a.attribute_name FROM portal.spring_session s"
                        + " JOIN portal.spring_session_attributes a ON a.session_primary_id = s.primary_id"
                        + " WHERE s.session_id = ?",
                String.class,
                sessionId);
        assertThat(attributes).anyMatch(name -> name.contains("AuthorizationRequest"));
    }
}
