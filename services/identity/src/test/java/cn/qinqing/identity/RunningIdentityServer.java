package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The whole identity service on a real port, on this JVM's PostgreSQL test database, with the local demo data. Its
 * issuer is the address the tests reach it at, so tokens and discovery are checked exactly as clients see them. One
 * server (one Spring context) serves every test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
abstract class RunningIdentityServer {

    static final int PORT = freePort();
    static final String BASE = "http://127.0.0.1:" + PORT;
    static final String DEMO_PASSWORD = "qinqing-demo";
    static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";
    static final String PORTAL_REDIRECT = "http://localhost:8080/login/oauth2/code/qinqing";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("qinqing.identity.issuer", () -> BASE);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the token's RS256 signature against the key the server publishes, and returns its claims. */
    static JWTClaimsSet verified(String jwt) {
        return verified(jwt, BASE + "/oauth2/jwks");
    }

    static JWTClaimsSet verified(String jwt, String jwksUri) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            JWKSet keys = JWKSet.parse(new Browser().getJson(jwksUri, null).body());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
            assertThat(key).as("the token's kid names a published key").isNotNull();
            assertThat(signed.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            return signed.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** PKCE (RFC 7636): a random verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String authorizeUrl(String clientId, String redirectUri, String state, Pkce pkce) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(BASE + "/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", redirectUri)
                .queryParam("scope", "openid profile")
                .queryParam("state", state);
        if (pkce != null) {
            url.queryParam("code_challenge", pkce.challenge()).queryParam("code_challenge_method", "S256");
        }
        return url.encode().build().toUriString();
    }

    /**
     * Goes to the authorize endpoint, is sent to the login page, signs in with its CSRF token and follows the
     * redirects until the server sends the browser to the client's redirect URI.
     *
     * @return where the server finally redirected to (the client's callback, with code and state)
     */
    static URI signInThroughAuthorize(Browser browser, String authorizeUrl, String username, String password) {
        HttpResponse<String> authorize = browser.get(authorizeUrl);
        assertThat(authorize.statusCode())
                .as("not signed in yet: sent to log in")
                .isEqualTo(302);
        assertThat(Browser.location(authorize)).endsWith("/login");
        HttpResponse<String> loginPage = browser.follow(authorize);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> login = browser.postForm(
                BASE + "/login",
                Map.of("username", username, "password", password, "_csrf", Browser.csrfToken(loginPage.body())));
        assertThat(login.statusCode())
                .as("signed in: back to the authorization request")
                .isEqualTo(302);
        assertThat(Browser.location(login))
                .as("signed in")
                .doesNotContain("error")
                .contains("/oauth2/authorize");
        HttpResponse<String> resumed = browser.follow(login);
        assertThat(resumed.statusCode()).isEqualTo(302);
        return URI.create(Browser.location(resumed));
    }

    static String queryParameter(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
    }
}
