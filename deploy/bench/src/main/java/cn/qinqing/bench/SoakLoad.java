package cn.qinqing.bench;

import static cn.qinqing.bench.Log.say;

import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The soak's users, all at once through the public APIs at a steady rate (R11):
 *
 * <ul>
 *   <li>enterprises file ({@code --rate} a second, in turn), one filing in three is supplemented, and each answer is
 *       rated once the enterprise sees it, then signed off by the department's head (the two keys that close it);
 *   <li>the official of industry-it waits for each appeal in the department's inbox, signs for it, notes progress for
 *       the enterprise and answers; the leader takes charge of one appeal in four first;
 *   <li>the leader runs a meeting a minute: schedules it, invites enterprise A, which accepts and proposes a topic,
 *       which the leader accepts;
 *   <li>the supervisor reads every 2 seconds, in turn, the KPIs, the overdue list, an appeal's timeline, and each as
 *       CSV.
 * </ul>
 *
 * A user waiting for another service to catch up reads again every 300 ms, as a person refreshing the page would;
 * each read counts as an operation, and the whole wait as one more ({@code wait: …}).
 */
final class SoakLoad {

    static final String PASSWORD = "qinqing-demo";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SoakOperations operations;
    private final Map<String, URI> services;
    private final Seeding seeding;
    private final URI issuer;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ExecutorService workers = Executors.newFixedThreadPool(64, daemon("soak-user"));
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("soak-clock"));
    private final Deque<UUID> recent = new ArrayDeque<>();
    private volatile List<String> enterpriseTokens;
    private volatile Map<String, String> userTokens;

    final AtomicLong filed = new AtomicLong();
    final AtomicLong rated = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    final AtomicLong meetings = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();

    /** @param services each service's base URL by name */
    SoakLoad(SoakOperations operations, Map<String, URI> services, Seeding seeding, URI issuer) {
        this.operations = operations;
        this.services = services;
        this.seeding = seeding;
        this.issuer = issuer;
    }

    /** Signs everyone in (again: tokens last 30 minutes) — the enterprises' clients and the demo people. */
    void signIn() throws Exception {
        enterpriseTokens = seeding.enterpriseTokens(issuer);
        OidcLogin login = new OidcLogin(issuer.toString());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : List.of("enterprise-a", "official", "leader", "head-industry-it", "supervisor")) {
            tokens.put(user, login.userToken(user, PASSWORD));
        }
        userTokens = tokens;
    }

    void start(double rate) {
        long period = Math.round(1e9 / rate);
        clock.scheduleAtFixedRate(() -> workers.submit(this::appeal), 0, period, TimeUnit.NANOSECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::supervise), 1, 2, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::meeting), 5, 60, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(
                () -> {
                    try {
                        signIn();
                    } catch (Exception e) {
                        operations.error("sign-in", e.toString());
                    }
                },
                20,
                20,
                TimeUnit.MINUTES);
    }

    /** Stops starting anything new and lets what runs finish (at most 2 minutes). */
    void stop() throws InterruptedException {
        clock.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
            say("  still working after 2 minutes: stopped");
            workers.shutdownNow();
        }
    }

    // ---- the users

    /** One appeal from its filing to its rating. */
    private void appeal() {
        inFlight.incrementAndGet();
        try {
            long n = filed.incrementAndGet();
            List<String> tokens = enterpriseTokens;
            String enterprise = tokens.get((int) (n % tokens.size()));
            String official = userTokens.get("official");
            Answer filing = call(
                    "enterprise: file",
                    "POST",
                    url("appeals", "/api/appeals"),
                    enterprise,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                    Map.of(
                            "title",
                            "持续负载诉求 soak appeal " + n,
                            "description",
                            "二期产线投产需要增加用电容量，请协调供电公司。Soak test appeal " + n + ".",
                            "category",
                            "POWER",
                            "urgency",
                            "NORMAL"),
                    201);
            if (filing == null) return;
            UUID id = UUID.fromString(filing.json().path("id").asText());
            String appealVersion = filing.etag();
            if (n % 3 == 0) {
                Answer supplement = call(
                        "enterprise: supplement",
                        "POST",
                        url("appeals", "/api/appeals/" + id + "/supplements"),
                        enterprise,
                        Map.of("If-Match", appealVersion),
                        Map.of("text", "补充：用电容量需求为 10 MVA。Supplement to appeal " + n + "."),
                        200);
                if (supplement == null) return;
            }
            Answer dispatched = await(
                    "official: read assignment",
                    url("assignment", "/api/assignment/appeals/" + id),
                    official,
                    json -> "DISPATCHED".equals(json.path("status").asText()));
            if (dispatched == null) return;
            String assignmentVersion = dispatched.etag();
            if (n % 4 == 0) {
                Answer charge = call(
                        "leader: take charge",
                        "POST",
                        url("assignment", "/api/assignment/appeals/" + id + "/take-charge"),
                        userTokens.get("leader"),
                        Map.of("If-Match", assignmentVersion),
                        null,
                        200);
                if (charge == null) return;
                assignmentVersion = charge.etag();
            }
            Answer signed = call(
                    "official: sign for",
                    "POST",
                    url("assignment", "/api/assignment/appeals/" + id + "/sign-for"),
                    official,
                    Map.of("If-Match", assignmentVersion),
                    null,
                    200);
            if (signed == null) return;
            Answer caseFile = await(
                    "official: read case file",
                    url("resolution", "/api/resolution/case-files/" + id),
                    official,
                    json -> true);
            if (caseFile == null) return;
            Answer noted = call(
                    "official: note",
                    "POST",
                    url("resolution", "/api/resolution/case-files/" + id + "/notes"),
                    official,
                    Map.of(
                            "If-Match",
                            caseFile.etag(),
                            "Idempotency-Key",
                            UUID.randomUUID().toString()),
                    Map.of(
                            "text", "已联系供电公司，将于三个工作日内安排验收。",
                            "visibleToEnterprise", true,
                            "contactWithEnterprise", true),
                    201);
            if (noted == null) return;
            Answer answered = call(
                    "official: answer",
                    "POST",
                    url("resolution", "/api/resolution/case-files/" + id + "/answer"),
                    official,
                    Map.of("If-Match", noted.etag()),
                    Map.of("answer", "供电公司已完成验收，专线已送电。", "outcome", "SOLVED"),
                    200);
            if (answered == null) return;
            Answer shown = await(
                    "enterprise: read appeal", url("appeals", "/api/appeals/" + id), enterprise, json -> "ANSWERED"
                            .equals(json.path("status").asText()));
            if (shown == null) return;
            Answer rating = call(
                    "enterprise: rate",
                    "POST",
                    url("appeals", "/api/appeals/" + id + "/rating"),
                    enterprise,
                    Map.of("If-Match", shown.etag()),
                    Map.of("rating", 4 + (int) (n % 2), "comment", "办理及时。"),
                    200);
            if (rating == null) return;
            rated.incrementAndGet();
            // the second key: the department's head signs the answer off once the enterprise's feedback is in the
            // case file, which closes it and the appeal (without it every appeal of the hour stays open)
            String head = userTokens.get("head-industry-it");
            Answer feedback = await(
                    "head: read case file",
                    url("resolution", "/api/resolution/case-files/" + id),
                    head,
                    json -> !json.path("feedback").isMissingNode()
                            && !json.path("feedback").isNull());
            if (feedback == null) return;
            Answer signedOff = call(
                    "head: sign off",
                    "POST",
                    url("resolution", "/api/resolution/case-files/" + id + "/sign-off"),
                    head,
                    Map.of("If-Match", feedback.etag()),
                    null,
                    200);
            if (signedOff == null) return;
            closed.incrementAndGet();
            synchronized (recent) {
                recent.addFirst(id);
                if (recent.size() > 50) recent.removeLast();
            }
        } catch (RuntimeException e) {
            operations.error("appeal", e.toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private final AtomicLong reads = new AtomicLong();

    /** One of the supervisor's reads, in turn. */
    private void supervise() {
        String supervisor = userTokens.get("supervisor");
        long n = reads.incrementAndGet();
        UUID appeal;
        synchronized (recent) {
            appeal = recent.peekFirst();
        }
        switch ((int) (n % 6)) {
            case 0 -> call("supervisor: KPIs", "GET", url("oversight", "/api/oversight/kpis"), supervisor, 200);
            case 1 -> call("supervisor: KPIs CSV", "GET", url("oversight", "/api/oversight/kpis.csv"), supervisor, 200);
            case 2 -> call("supervisor: overdue", "GET", url("oversight", "/api/oversight/overdue"), supervisor, 200);
            case 3 ->
                call("supervisor: overdue CSV", "GET", url("oversight", "/api/oversight/overdue.csv"), supervisor, 200);
            case 4 -> {
                if (appeal != null) {
                    call(
                            "supervisor: timeline",
                            "GET",
                            url("oversight", "/api/oversight/appeals/" + appeal + "/timeline"),
                            supervisor,
                            200);
                }
            }
            default -> {
                if (appeal != null) {
                    call(
                            "supervisor: timeline CSV",
                            "GET",
                            url("oversight", "/api/oversight/appeals/" + appeal + "/timeline.csv"),
                            supervisor,
                            200);
                }
            }
        }
    }

    /** The leader runs a meeting: schedules it, invites enterprise A, which accepts and proposes a topic, accepted. */
    private void meeting() {
        try {
            long n = meetings.incrementAndGet();
            String leader = userTokens.get("leader");
            String enterprise = userTokens.get("enterprise-a");
            Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
            Answer scheduled = call(
                    "leader: schedule meeting",
                    "POST",
                    url("meetings", "/api/meetings"),
                    leader,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                    Map.of(
                            "theme", "持续负载政企早餐会 soak meeting " + n,
                            "venue", "市政府第一会议室",
                            "startsAt", startsAt.toString(),
                            "endsAt", startsAt.plus(Duration.ofMinutes(90)).toString(),
                            "capacity", 20,
                            "departmentIds", List.of("industry-it"),
                            "topicCutOffAt", startsAt.minus(Duration.ofDays(1)).toString()),
                    201);
            if (scheduled == null) return;
            String id = scheduled.json().path("id").asText();
            Answer invited = call(
                    "leader: invite",
                    "POST",
                    url("meetings", "/api/meetings/" + id + "/invitations"),
                    leader,
                    Map.of("If-Match", scheduled.etag()),
                    Map.of("enterpriseIds", List.of("91150200MA0QA0001T")),
                    200);
            if (invited == null) return;
            Answer accepted = call(
                    "enterprise: accept invitation",
                    "POST",
                    url("meetings", "/api/meetings/" + id + "/invitations/91150200MA0QA0001T/acceptance"),
                    enterprise,
                    Map.of("If-Match", invited.etag()),
                    null,
                    200);
            if (accepted == null) return;
            Answer topic = call(
                    "enterprise: propose topic",
                    "POST",
                    url("meetings", "/api/meetings/" + id + "/topics"),
                    enterprise,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                    Map.of("title", "用电增容 power capacity " + n, "description", "二期产线投产需要增容。"),
                    201);
            if (topic == null) return;
            call(
                    "leader: accept topic",
                    "POST",
                    url(
                            "meetings",
                            "/api/meetings/" + id + "/topics/"
                                    + topic.json().path("id").asText() + "/acceptance"),
                    leader,
                    Map.of("If-Match", topic.etag()),
                    null,
                    200);
        } catch (RuntimeException e) {
            operations.error("meeting", e.toString());
        }
    }

    // ---- HTTP

    /** An answer as expected: its status, ETag and JSON body (missing when it is not JSON). */
    record Answer(int status, String etag, JsonNode json) {}

    private Answer call(String operation, String method, URI uri, String token, int expected) {
        return call(operation, method, uri, token, Map.of(), null, expected);
    }

    /** Sends, times and records one request; null (and an error recorded) unless it answered {@code expected}. */
    private Answer call(
            String operation,
            String method,
            URI uri,
            String token,
            Map<String, String> headers,
            Object body,
            int expected) {
        try {
            HttpRequest request = JsonRequests.of(method, uri, token, headers, body, Duration.ofSeconds(60));
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            operations.record(operation, (System.nanoTime() - sent) / 1000);
            if (response.statusCode() != expected) {
                operations.error(operation, response.statusCode() + " " + uri.getPath() + " " + response.body());
                return null;
            }
            JsonNode json = MissingNode.getInstance();
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(response.body());
            }
            return new Answer(
                    response.statusCode(), response.headers().firstValue("ETag").orElse(null), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            operations.error(operation, e.toString());
            return null;
        }
    }

    /**
     * Reads until the answer is 200 and {@code ready}, every 300 ms for at most 90 s; records each read (a 404 while
     * the other service catches up is no error) and the whole wait as {@code wait: …}.
     */
    private Answer await(String operation, URI uri, String token, Predicate<JsonNode> ready) {
        long start = System.nanoTime();
        long deadline = start + WAIT.toNanos();
        String waiting = "wait: " + operation.substring(operation.indexOf(": ") + 2);
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build();
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                operations.record(operation, (System.nanoTime() - sent) / 1000);
                if (response.statusCode() == 200) {
                    JsonNode json = JSON.readTree(response.body());
                    if (ready.test(json)) {
                        operations.record(waiting, (System.nanoTime() - start) / 1000);
                        return new Answer(
                                200, response.headers().firstValue("ETag").orElse(null), json);
                    }
                } else if (response.statusCode() != 404) {
                    operations.error(operation, response.statusCode() + " " + uri.getPath() + " " + response.body());
                }
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (Exception e) {
                operations.error(operation, e.toString());
            }
        }
        operations.error(waiting, "not ready after " + WAIT.toSeconds() + " s: " + uri.getPath());
        return null;
    }

    private URI url(String service, String path) {
        return URI.create(services.get(service).toString().replaceAll("/$", "") + path);
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong number = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
