package cn.qinqing.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets access tokens from the real identity service, as its clients do: a person signs in through the authorization
 * code flow with PKCE on the public {@code qinqing-cli} client (login form, CSRF token, code, exchange), and an
 * integration client uses client credentials. For end-to-end tests and the benchmark.
 */
public final class OidcLogin {

    public static final String CLI_CLIENT = "qinqing-cli";
    public static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;

    public OidcLogin(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** A person's access token, after signing in with their user name and password. */
    public String userToken(String username, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(8);
        String authorize = issuer + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        CLI_CLIENT,
                        "redirect_uri",
                        CLI_REDIRECT,
                        "scope",
                        "openid profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        HttpResponse<String> toLogin = send(browser, get(authorize));
        HttpResponse<String> loginPage = send(browser, get(resolve(toLogin)));
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + loginPage.uri() + ": " + loginPage.statusCode());
        }
        HttpResponse<String> loggedIn = send(
                browser,
                post(
                        issuer + "/login",
                        form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))),
                        null));
        String afterLogin = resolve(loggedIn);
        if (afterLogin.contains("/login?error")) {
            throw new IllegalStateException("sign-in refused for " + username);
        }
        HttpResponse<String> toCallback = send(browser, get(afterLogin));
        String callback = location(toCallback);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        if (!callback.startsWith(CLI_REDIRECT) || !code.find()) {
            throw new IllegalStateException("no code in " + callback);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", CLI_REDIRECT);
        exchange.put("client_id", CLI_CLIENT);
        exchange.put("code_verifier", verifier);
        return accessToken(send(browser, post(issuer + "/oauth2/token", form(exchange), null)));
    }

    /** An integration client's access token (client credentials grant). */
    public String clientToken(String clientId, String secret) {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return accessToken(
                send(http, post(issuer + "/oauth2/token", "grant_type=client_credentials", "Basic " + basic)));
    }

    private static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request refused: " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String resolve(HttpResponse<String> redirect) {
        return URI.create(issuer + "/").resolve(location(redirect)).toString();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "expected a redirect from " + response.uri() + ", got " + response.statusCode()));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpRequest post(String url, String form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
