package cn.qinqing.portal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.qinqing.portal.config.PortalProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.RestClient;

/** The API clients send the user's token and turn every kind of answer into what the pages can show. */
class ServiceClientsTest {

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private final OAuth2AuthorizedClientManager manager = mock(OAuth2AuthorizedClientManager.class);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("enterprise-a", "x"));
        ClientRegistration registration = ClientRegistration.withRegistrationId("qinqing")
                .clientId("qinqing-portal")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://localhost:9000/oauth2/authorize")
                .tokenUri("http://localhost:9000/oauth2/token")
                .build();
        OAuth2AccessToken token = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                "token-of-enterprise-a",
                Instant.now(),
                Instant.now().plusSeconds(600));
        when(manager.authorize(any())).thenReturn(new OAuth2AuthorizedClient(registration, "enterprise-a", token));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    private RestClient appeals(URI base) {
        PortalProperties properties = new PortalProperties(
                "http://localhost:9000", "qinqing-portal", "secret", Map.of("appeals", base), null);
        return new ServiceClients(properties, RestClient.builder(), manager, new ObjectMapper()).of("appeals");
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void sendsTheSignedInUsersAccessToken() {
        appeals(base()).get().uri("/api/appeals").retrieve().toBodilessEntity();
        assertThat(authorization.get()).isEqualTo("Bearer token-of-enterprise-a");
    }

    @Test
    void aRefusalBecomesAProblemWithItsCodeAndFieldErrors() {
        status = 400;
        body = "{\"type\":\"https://qinqing.cn/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"title must not be blank\",\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}";
        assertThatThrownBy(() -> appeals(base()).get().uri("/x").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.code()).isEqualTo("invalid-request");
                    assertThat(problem.errors())
                            .containsExactly(new ApiProblem.FieldProblem("title", "must not be blank"));
                });
    }

    @Test
    void aStaleVersionIsRecognised() {
        status = 409;
        body = "{\"type\":\"https://qinqing.cn/problems/stale-version\",\"status\":409,\"detail\":\"changed\"}";
        assertThatThrownBy(() -> appeals(base()).get().uri("/x").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.isStale())
                        .isTrue());
    }

    @Test
    void aServerErrorOrASilentServiceIsUnavailableNotAProblemOfTheUsers() {
        status = 502;
        body = "<html>bad gateway</html>";
        assertThatThrownBy(() -> appeals(base()).get().uri("/x").retrieve().toBodilessEntity())
                .isInstanceOf(ServiceUnavailableException.class);
        URI nobody = URI.create("http://127.0.0.1:" + freePortNobodyListensOn());
        assertThatThrownBy(() -> appeals(nobody).get().uri("/x").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.service())
                        .isEqualTo("appeals"));
    }

    @Test
    void aRefusedTokenOrOneThatCannotBeRefreshedMeansSigningInAgain() {
        status = 401;
        assertThatThrownBy(() -> appeals(base()).get().uri("/x").retrieve().toBodilessEntity())
                .isInstanceOf(SignInRequiredException.class);
        when(manager.authorize(any())).thenThrow(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant")));
        assertThatThrownBy(() -> appeals(base()).get().uri("/x").retrieve().toBodilessEntity())
                .isInstanceOf(SignInRequiredException.class);
    }

    private static int freePortNobodyListensOn() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
