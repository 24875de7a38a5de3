package cn.qinqing.launcher.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.browser.BrowserPlatform;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * R5: a flood of malformed and hostile requests, generated from every service's OpenAPI document (and, for identity
 * and the portal, which publish none, from their pages and OAuth2 endpoints), sent by every role, by nobody and with
 * forged tokens, against the shared platform of all services. No answer may be a 5xx; every 4xx of an API is a
 * problem detail; every answer carries the security headers; no write may succeed, and the event store and every
 * table of every service hold exactly what they held before.
 *
 * <p>{@code -Dfuzz.seed=N} (default 9) and {@code -Dfuzz.requests=N} (default 10,000) choose the run; request
 * {@code #k} of seed {@code s} is the same whatever the threads do, so a failure names what to send again.
 */
class HostileRequestsIT {

    static final long SEED = Long.getLong("fuzz.seed", 9);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final int THREADS = Integer.getInteger("fuzz.threads", 8);
    static final List<String> APIS =
            List.of("appeals", "assignment", "resolution", "meetings", "oversight", "notifications", "projects");
    static final List<String> USERS =
            List.of("enterprise-a", "enterprise-b", "dispatcher", "official", "leader", "supervisor", "admin");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void noHostileRequestBreaksAServiceOrChangesWhatItHolds() throws Exception {
        Platform platform = BrowserPlatform.get().platform();
        List<Operation> operations = new ArrayList<>();
        for (RunningService service : platform.services()) {
            if (APIS.contains(service.name())) {
                operations.addAll(Operation.read(service.name(), service.baseUrl()));
            }
        }
        operations.addAll(pagesAndEndpoints(platform));
        operations.sort(Comparator.comparing(Operation::toString));
        assertThat(operations.stream().map(Operation::service).distinct())
                .as("every service is fuzzed")
                .containsAll(
                        platform.services().stream().map(RunningService::name).toList());

        OidcLogin identity = new OidcLogin(platform.issuer().toString());
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        for (String user : USERS) {
            callers.put(user, identity.userToken(user, "qinqing-demo"));
        }
        PlatformState before = quiet(platform);
        // R9: path ids are drawn from the aggregates of every kind in the store as well as made up
        AggregateIds existing = AggregateIds.read(platform.database(), 20);
        HostileRequests requests = new HostileRequests(SEED, operations, callers, existing);
        System.out.println(
                "[fuzz] existing aggregates drawn from: " + existing.byType().keySet());

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> byService = new ConcurrentHashMap<>();
        Map<String, LongAdder> poisons = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failureCount = new AtomicInteger();
        LongAdder unanswered = new LongAdder();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int number = i;
                sent.add(pool.submit(() -> {
                    HostileRequests.Request request = requests.request(number);
                    String failure;
                    try {
                        HttpResponse<String> response = send(request);
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder())
                                .increment();
                        byService
                                .computeIfAbsent(
                                        request.operation().service() + " " + response.statusCode() / 100 + "xx",
                                        s -> new LongAdder())
                                .increment();
                        if (request.poison() != null) {
                            poisons.computeIfAbsent(request.poison(), s -> new LongAdder())
                                    .increment();
                        }
                        failure = check(request, response);
                    } catch (IOException e) {
                        unanswered.increment();
                        failure = request.overTheLimits() ? null : "no answer (" + e + ")";
                    }
                    if (failure != null && failureCount.incrementAndGet() <= 40) {
                        failures.add(failure + "\n    " + request.describe());
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PlatformState after = quiet(platform);

        System.out.printf(
                "%n[fuzz] R5: %d hostile requests, seed %d, %d threads, %.1f s (%.0f/s) against %d operations%n",
                REQUESTS, SEED, THREADS, seconds, REQUESTS / seconds, operations.size());
        System.out.println("[fuzz] statuses " + new TreeMap<>(statuses));
        System.out.println("[fuzz] by service " + new TreeMap<>(byService));
        System.out.println("[fuzz] poisons of writes " + new TreeMap<>(poisons));
        System.out.println("[fuzz] connections closed without an answer (requests over the limits): " + unanswered);
        List<String> changed = before.differences(after);
        System.out.println("[fuzz] state changed: " + (changed.isEmpty() ? "nothing" : changed));
        System.out.println("[fuzz] failures " + failureCount.get());
        failures.forEach(failure -> System.out.println("[fuzz]  " + failure));

        assertThat(failures)
                .as("%d failures (seed %d); first ones:%n%s", failureCount.get(), SEED, String.join("\n", failures))
                .isEmpty();
        assertThat(statuses.keySet()).as("no 5xx").allMatch(status -> status < 500);
        assertThat(changed).as("what the refused requests changed").isEmpty();
    }

    private HttpResponse<String> send(HostileRequests.Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(Duration.ofSeconds(60))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> builder.header(name, sendable(value)));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * The JDK's client refuses control characters (CR LF among them) and characters beyond Latin-1 in header values;
     * they go percent-encoded instead. Raw CR LF in a header cannot reach a service through any HTTP/1.1 client: it
     * ends the header line.
     */
    private static String sendable(String value) {
        StringBuilder safe = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                safe.append(c);
            } else {
                safe.append('%').append(String.format("%02X", (int) c & 0xFF));
            }
        }
        return safe.toString();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is wrong with this answer, or null. */
    static String check(HostileRequests.Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        String service = request.operation().service();
        if (status >= 500) {
            return status + " from " + service + ": " + abbreviate(response.body());
        }
        if (request.poison() != null && status < 300) {
            return status + ": " + service + " accepted a write poisoned with " + request.poison();
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (APIS.contains(service) && status >= 400 && !request.method().equals("HEAD")) {
            if (!contentType.startsWith("application/problem+json")) {
                return status + " from " + service + " is not a problem detail but '" + contentType + "': "
                        + abbreviate(response.body());
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                    return status + " from " + service + " has a problem detail without its status or title";
                }
            } catch (IOException e) {
                return status + " from " + service + " is not JSON: " + abbreviate(response.body());
            }
        }
        List<String> missing = new ArrayList<>();
        var headers = response.headers();
        if (!headers.firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
            missing.add("X-Content-Type-Options");
        }
        if (!headers.firstValue("X-Frame-Options").orElse("").equalsIgnoreCase("DENY")) {
            missing.add("X-Frame-Options");
        }
        if (!headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'")) {
            missing.add("Content-Security-Policy");
        }
        if (headers.firstValue("Referrer-Policy").isEmpty()) {
            missing.add("Referrer-Policy");
        }
        if (!missing.isEmpty()) {
            return status + " from " + service + " lacks " + missing;
        }
        if (headers.map().keySet().stream().anyMatch(name -> name.equalsIgnoreCase(Hostile.INJECTED_HEADER))) {
            return status + " from " + service + " carries a header injected through the request";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
    }

    /** Waits until the platform has handled what earlier tests did: two readings a second apart agree. */
    static PlatformState quiet(Platform platform) throws InterruptedException {
        PlatformState last = PlatformState.of(platform.database());
        for (int i = 0; i < 120; i++) {
            Thread.sleep(1_000);
            PlatformState now = PlatformState.of(platform.database());
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * Identity and the portal publish no OpenAPI document: their sign-in page, OAuth2 endpoints and pages, with the
     * parameters they read.
     */
    private static List<Operation> pagesAndEndpoints(Platform platform) {
        List<Operation> operations = new ArrayList<>();
        Set<String> names = Set.copyOf(
                platform.services().stream().map(RunningService::name).toList());
        if (names.contains("identity")) {
            var base = platform.service("identity").baseUrl();
            operations.add(page("identity", base, "GET", "/login", "error", "logout", "lang"));
            operations.add(page("identity", base, "POST", "/login", "username", "password", "_csrf"));
            operations.add(page(
                    "identity",
                    base,
                    "GET",
                    "/oauth2/authorize",
                    "response_type",
                    "client_id",
                    "redirect_uri",
                    "scope",
                    "state",
                    "code_challenge",
                    "code_challenge_method"));
            operations.add(page(
                    "identity",
                    base,
                    "POST",
                    "/oauth2/token",
                    "grant_type",
                    "client_id",
                    "client_secret",
                    "code",
                    "redirect_uri",
                    "code_verifier",
                    "refresh_token",
                    "scope"));
            operations.add(page("identity", base, "POST", "/oauth2/introspect", "token", "token_type_hint"));
            operations.add(page("identity", base, "POST", "/oauth2/revoke", "token", "token_type_hint"));
            operations.add(page("identity", base, "GET", "/userinfo", "schema"));
            operations.add(page("identity", base, "GET", "/oauth2/jwks", "kid"));
            operations.add(page("identity", base, "GET", "/.well-known/openid-configuration", "x"));
            operations.add(
                    page("identity", base, "GET", "/connect/logout", "id_token_hint", "post_logout_redirect_uri"));
        }
        if (names.contains("portal")) {
            var base = platform.service("portal").baseUrl();
            operations.add(page("portal", base, "GET", "/", "lang"));
            operations.add(page("portal", base, "GET", "/appeals/{id}", "lang"));
            operations.add(page("portal", base, "POST", "/appeals", "title", "description", "category", "_csrf"));
            operations.add(page("portal", base, "GET", "/export/timeline-{id}.csv", "asOf"));
            operations.add(page("portal", base, "GET", "/export/ranking-{id}.csv", "asOf"));
            operations.add(page("portal", base, "GET", "/login", "error"));
        }
        return operations;
    }

    private static Operation page(String service, java.net.URI base, String method, String path, String... query) {
        List<Operation.Parameter> parameters = new ArrayList<>();
        var text = JSON.createObjectNode().put("type", "string");
        if (path.contains("{id}")) {
            parameters.add(new Operation.Parameter("id", "path", text));
        }
        for (String name : query) {
            parameters.add(new Operation.Parameter(name, "query", text));
        }
        return new Operation(service, base, method, path, List.copyOf(parameters), null);
    }
}
