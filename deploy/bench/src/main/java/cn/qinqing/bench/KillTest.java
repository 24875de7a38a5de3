package cn.qinqing.bench;

import static cn.qinqing.bench.Log.say;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.ServiceCatalog;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./deploy/kill-test.sh} (R13, issue 18): against a platform started with {@code ./deploy/run.sh --replicas=2}
 * (same {@code --port-offset}), every user group works through HAProxy while one instance of each of the nine
 * services is killed with SIGKILL in turn. Each client retries as a client should (a create with its
 * {@code Idempotency-Key}, a sign-for with {@code If-Match} after reading again, a read as it is), backing off 1, 2, 4,
 * 8 s (or as {@code Retry-After} says), for at most 90 s; a person (the supervisor, the portal user) reads one page at a
 * time.
 *
 * <ul>
 *   <li>appeals: enterprises A and B file (their own clients, in turn) at {@code --rate};
 *   <li>assignment, resolution: the official waits for each appeal in the inbox, signs for it and reads its case file
 *       (and does not contact the enterprise: the first-contact deadline must fire, once);
 *   <li>meetings: the leader schedules a meeting every 10 s; oversight: the supervisor reads the KPIs every 2 s;
 *   <li>notifications: the official reads their feed every 2 s; projects: the leader registers a key project every
 *       10 s (with its {@code Idempotency-Key}) and reads it back;
 *   <li>identity: the supervisor's client asks for a token every 5 s; portal: enterprise A, signed in to the portal
 *       through identity before the first kill, reads its appeals page every second.
 * </ul>
 *
 * Then it counts, per operation, requests answered at once, answered after retrying, refused clearly (429 or 503 with
 * {@code Retry-After}, as final answer) and lost; and reads the event store: one {@code AppealFiledEvent} per
 * acknowledged key, one sign-for and one case file per appeal, one {@code MeetingScheduledEvent} per key, one
 * {@code KeyProjectRegisteredEvent} per key, exactly one {@code DeadlineBreachedEvent} per deadline that came due, no
 * due execution left in the db-scheduler tables; and the notifications service's rows: for every appeal signed for,
 * one feed entry each of "routed" and "signed for" for the enterprise and "case arrived" for the official.
 */
public final class KillTest {

    /**
     * Every service of the platform ({@link ServiceCatalog#ALL}), each killed once in this order; identity and the
     * portal last, with the signed-in portal user watching; ports are the catalog's (HAProxy's, plus the offset).
     */
    static final List<String> ORDER = List.of(
            "appeals",
            "assignment",
            "resolution",
            "meetings",
            "oversight",
            "notifications",
            "projects",
            "identity",
            "portal");

    private static final Duration RETRY_FOR = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "qinqing-demo";

    static final String USAGE =
            """
            ./deploy/kill-test.sh [--port-offset=N] [--postgres-port=P] [--pause=S] [--rate=R] [--settle=S]
              against ./deploy/run.sh --replicas=2 --port-offset=N, started with a short SLA clock so that deadlines
              come due during the test:
                QINQING_RESOLUTION_SLA_CLOCK=ELAPSED QINQING_RESOLUTION_SLA_DAY=PT30S \\
                  ./deploy/run.sh --replicas=2 --port-offset=N --postgres-port=P
              --port-offset=N   the launcher's port offset (0)
              --postgres-port=P the embedded PostgreSQL's port (54329), read for the duplicates
              --pause=S         seconds before the first kill and between kills (20)
              --rate=R          appeals filed per second, by enterprises A and B in turn (0.5)
              --settle=S        at most this long after the load for deadlines to come due and fire (120)
            """;

    private final int offset;
    private final int pause;
    private final double rate;
    private final int settle;
    private final int postgresPort;
    private final String tag = "kill-test-" + Instant.now().getEpochSecond();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService workers = Executors.newFixedThreadPool(48);
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();
    private final List<String> filingKeys = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> acknowledgedFilings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refusedFilings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<UUID> appeals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<UUID> signedFor = new ConcurrentLinkedQueue<>();
    private final Map<UUID, JsonNode> caseFiles = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> meetingKeys = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> projectKeys = new ConcurrentLinkedQueue<>();
    private final AtomicLong portalChecks = new AtomicLong();
    private final AtomicLong portalSignedOut = new AtomicLong();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private volatile String official;
    private volatile String leader;
    private volatile String supervisor;
    private volatile List<String> enterprises;
    private final AtomicLong filings = new AtomicLong();
    private volatile boolean stopping;
    private final AtomicBoolean supervisorReading = new AtomicBoolean();
    private final AtomicBoolean portalReading = new AtomicBoolean();
    private final AtomicBoolean feedReading = new AtomicBoolean();

    private KillTest(int offset, int pause, double rate, int settle, int postgresPort) {
        this.offset = offset;
        this.postgresPort = postgresPort;
        this.pause = pause;
        this.rate = rate;
        this.settle = settle;
    }

    public static void main(String[] args) throws Exception {
        Log.as("kill-test");
        int offset = 0;
        int pause = 20;
        double rate = 0.5;
        int settle = 120;
        int postgresPort = 54329;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--port-offset=")) offset = Integer.parseInt(value);
            else if (arg.startsWith("--pause=")) pause = Integer.parseInt(value);
            else if (arg.startsWith("--rate=")) rate = Double.parseDouble(value);
            else if (arg.startsWith("--settle=")) settle = Integer.parseInt(value);
            else if (arg.startsWith("--postgres-port=")) postgresPort = Integer.parseInt(value);
            else {
                System.out.println(USAGE);
                System.exit(arg.equals("--help") || arg.equals("-h") ? 0 : 2);
            }
        }
        System.exit(new KillTest(offset, pause, rate, settle, postgresPort).run() ? 0 : 1);
    }

    private URI url(String service, String path) {
        return URI.create("http://localhost:" + (ServiceCatalog.service(service).port() + offset) + path);
    }

    private boolean run() throws Exception {
        Path root = Path.of(System.getProperty("qinqing.root", ".")).toAbsolutePath();
        json.put("started_at", Instant.now().toString());
        json.put("machine", Report.machine());
        json.put("port_offset", offset);
        json.put("pause_s", pause);
        json.put("rate_per_s", rate);
        Map<String, List<ProcessHandle>> instances = instances();
        instances.forEach((service, handles) -> say(service + ": instances "
                + handles.stream().map(h -> Long.toString(h.pid())).collect(Collectors.joining(", "))));
        List<String> missing = ORDER.stream()
                .filter(s -> instances.getOrDefault(s, List.of()).size() < 2)
                .toList();
        if (!missing.isEmpty()) {
            say("FAILED: fewer than two instances of " + missing + "; start the platform first:\n" + USAGE);
            return false;
        }

        String issuer = url("identity", "").toString();
        OidcLogin login = new OidcLogin(issuer);
        official = login.userToken("official", PASSWORD);
        leader = login.userToken("leader", PASSWORD);
        supervisor = login.clientToken("supervisor-client", PASSWORD);
        enterprises = List.of(
                login.clientToken("enterprise-a-client", PASSWORD), login.clientToken("enterprise-b-client", PASSWORD));
        Browser portal = new Browser();
        signInToPortal(portal);
        if (portalPage(portal) != 200) {
            say("FAILED: enterprise-a is not signed in to the portal after signing in");
            return false;
        }
        say("enterprise-a signed in to the portal at " + url("portal", ""));

        long period = Math.round(1e9 / rate);
        clock.scheduleAtFixedRate(() -> workers.submit(this::appeal), 0, period, TimeUnit.NANOSECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::meeting), 1, 10, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::kpis), 1, 2, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::token), 2, 5, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::feed), 1, 2, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(this::project), 3, 10, TimeUnit.SECONDS);
        clock.scheduleWithFixedDelay(() -> workers.submit(() -> portalCheck(portal)), 1, 1, TimeUnit.SECONDS);
        say(String.format(
                "load through HAProxy: %.2f filings/s (enterprises A and B), sign-for and case file by the official,"
                        + " a meeting every 10 s, KPIs every 2 s, the official's notifications every 2 s, a key"
                        + " project every 10 s, a token every 5 s, the portal page every second; a kill every %d s",
                rate, pause));
        Thread.sleep(pause * 1000L);
        List<Map<String, Object>> kills = new ArrayList<>();
        for (String service : ORDER) {
            ProcessHandle victim = instances.get(service).get(0);
            Map<String, Object> kill = new LinkedHashMap<>();
            kill.put("service", service);
            kill.put("pid", victim.pid());
            kill.put("at", Instant.now().toString());
            victim.destroyForcibly(); // SIGKILL
            say("kill -9 " + service + " (pid " + victim.pid() + ")");
            kills.add(kill);
            Thread.sleep(pause * 1000L);
        }
        json.put("kills", kills);
        say("load stops; waiting for the users' work in flight (at most " + RETRY_FOR.toSeconds() + " s)");
        stopping = true;
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(RETRY_FOR.toSeconds() + 60, TimeUnit.SECONDS);
        boolean stillSignedIn = portalPage(portal) == 200;

        Database database = new Database("jdbc:postgresql://127.0.0.1:" + postgresPort + "/qinqing", "postgres", "");
        Instant lastDue = caseFiles.values().stream()
                .map(view -> instant(view.path("firstContactDueAt").asText()))
                .filter(due -> !due.equals(Instant.MAX))
                .max(Instant::compareTo)
                .orElse(Instant.now());
        Instant settleUntil = Instant.now().plusSeconds(settle);
        Instant wanted = lastDue.plusSeconds(15);
        if (wanted.isBefore(settleUntil)) settleUntil = wanted;
        if (Instant.now().isBefore(settleUntil)) {
            say("waiting " + Duration.between(Instant.now(), settleUntil).toSeconds()
                    + " s for first-contact deadlines to come due and fire");
            Thread.sleep(
                    Math.max(0, Duration.between(Instant.now(), settleUntil).toMillis()));
        }
        boolean passed = verdict(database, stillSignedIn);
        json.put("finished_at", Instant.now().toString());
        ((Map<String, Object>) json.get("machine"))
                .put(
                        "load_average_at_end",
                        Files.readString(Path.of("/proc/loadavg")).trim());
        Path results = root.resolve("deploy/bench/results/kill-test-latest.json");
        Files.writeString(results, Json.write(json) + "\n");
        say("wrote " + root.relativize(results));
        say(passed ? "PASSED" : "FAILED");
        return passed;
    }

    // ---- the platform's processes

    /** The instances of each service: processes running its jar from the launcher's replica directories. */
    private static Map<String, List<ProcessHandle>> instances() {
        Pattern jar = Pattern.compile("replicas/\\d+/.*qinqing-([a-z]+)\\.jar");
        Map<String, List<ProcessHandle>> instances = new TreeMap<>();
        ProcessHandle.allProcesses().forEach(process -> {
            String line = process.info().commandLine().orElse("");
            Matcher matcher = jar.matcher(line);
            if (matcher.find() && line.contains("--server.port")) {
                instances
                        .computeIfAbsent(matcher.group(1), s -> new ArrayList<>())
                        .add(process);
            }
        });
        return instances;
    }

    // ---- the users

    private void appeal() {
        try {
            workAppeal();
        } catch (RuntimeException e) {
            Counts c = counts.computeIfAbsent("kill test: unexpected", Counts::new);
            c.total.incrementAndGet();
            c.lost.incrementAndGet();
            c.lastLoss = e.toString();
            say("unexpected: " + e);
        }
    }

    private void workAppeal() {
        if (stopping) return;
        long n = filings.incrementAndGet();
        String key = UUID.randomUUID().toString();
        String enterprise = enterprises.get((int) (n % 2));
        synchronized (filingKeys) {
            filingKeys.add(key);
        }
        Map<String, Object> body = Map.of(
                "title",
                tag + " " + key,
                "description",
                "kill -9 test filing " + n,
                "category",
                "POWER",
                "urgency",
                "NORMAL");
        Answer filed = retrying(
                "appeals: file",
                () -> send("POST", url("appeals", "/api/appeals"), enterprise, Map.of("Idempotency-Key", key), body),
                a -> a.status() == 201 || a.status() == 200);
        if (filed == null) return;
        if (filed.status() == 429) {
            refusedFilings.add(key);
            return;
        }
        acknowledgedFilings.add(key);
        UUID id = UUID.fromString(filed.json().path("id").asText());
        appeals.add(id);
        Answer dispatched = await(
                "assignment: read",
                url("assignment", "/api/assignment/appeals/" + id),
                official,
                view -> "DISPATCHED".equals(view.path("status").asText())
                        || "SIGNED_FOR".equals(view.path("status").asText()));
        if (dispatched == null) return;
        if (!signFor(id, dispatched)) return;
        signedFor.add(id);
        Answer caseFile = await(
                "resolution: read case file",
                url("resolution", "/api/resolution/case-files/" + id),
                official,
                v -> true);
        if (caseFile != null) caseFiles.put(id, caseFile.json());
    }

    /**
     * Signs for with {@code If-Match}; when an attempt gets no clear answer, reads the assignment again: signed for
     * already (the lost answer's work) is done, otherwise it tries again with the version read.
     */
    private boolean signFor(UUID id, Answer dispatched) {
        Counts c = counts.computeIfAbsent("assignment: sign for", Counts::new);
        c.total.incrementAndGet();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        String version = dispatched.etag();
        if ("SIGNED_FOR".equals(dispatched.json().path("status").asText())) {
            c.atOnce.incrementAndGet();
            return true;
        }
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            Answer answer = send(
                    "POST",
                    url("assignment", "/api/assignment/appeals/" + id + "/sign-for"),
                    official,
                    version == null ? Map.of() : Map.of("If-Match", version),
                    null);
            if (answer.status() == 200) {
                (attempts == 1 ? c.atOnce : c.afterRetry).incrementAndGet();
                return true;
            }
            c.failure(attempts, answer);
            Answer read = send("GET", url("assignment", "/api/assignment/appeals/" + id), official, Map.of(), null);
            if (read.status() == 200
                    && "SIGNED_FOR".equals(read.json().path("status").asText())) {
                c.afterRetry.incrementAndGet();
                return true;
            }
            if (read.status() == 200) version = read.etag();
            sleep(1000L << Math.min(3, attempts - 1));
        }
        c.lost.incrementAndGet();
        c.lastLoss = "sign-for " + id;
        return false;
    }

    private void meeting() {
        if (stopping) return;
        String key = UUID.randomUUID().toString();
        Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = Map.of(
                "theme", tag + " " + key,
                "venue", "市政府第一会议室",
                "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(Duration.ofMinutes(90)).toString(),
                "capacity", 20,
                "departmentIds", List.of("industry-it"),
                "topicCutOffAt", startsAt.minus(Duration.ofDays(1)).toString());
        Answer scheduled = retrying(
                "meetings: schedule",
                () -> send("POST", url("meetings", "/api/meetings"), leader, Map.of("Idempotency-Key", key), body),
                a -> a.status() == 201 || a.status() == 200);
        if (scheduled != null && scheduled.status() != 429) meetingKeys.add(key);
    }

    /** The leader registers a key project (retried with its key, so registered once) and reads it back. */
    private void project() {
        if (stopping) return;
        String key = UUID.randomUUID().toString();
        // signed yesterday (Asia/Shanghai: never "in the future"), every milestone planned weeks ahead: nothing comes
        // due
        LocalDate signedOn = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        List<Map<String, Object>> milestones = new ArrayList<>();
        List<String> names = List.of(
                "LAND_AND_PERMITS", "CONSTRUCTION_STARTED", "EQUIPMENT_INSTALLED", "TRIAL_PRODUCTION", "COMMISSIONED");
        for (int i = 0; i < names.size(); i++) {
            milestones.add(Map.of(
                    "milestone",
                    names.get(i),
                    "plannedOn",
                    signedOn.plusDays(30L * (i + 1)).toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", tag + " " + key);
        body.put("enterpriseIds", List.of("91150200MA0QA0001T"));
        body.put("chainLink", "WAFER");
        body.put("investmentCny", 1000000000L);
        body.put("capacity", Map.of("amount", 5, "unit", "GW"));
        body.put("site", "包头青山装备制造产业园");
        body.put("leaderId", "leader");
        body.put("departmentId", "industry-it");
        body.put("signedOn", signedOn.toString());
        body.put("milestones", milestones);
        Answer registered = retrying(
                "projects: register",
                () -> send("POST", url("projects", "/api/projects"), leader, Map.of("Idempotency-Key", key), body),
                a -> a.status() == 201 || a.status() == 200);
        if (registered == null || registered.status() == 429) return;
        projectKeys.add(key);
        await(
                "projects: read",
                url("projects", "/api/projects/" + registered.json().path("id").asText()),
                leader,
                view -> view.path("project").path("name").asText().endsWith(key));
    }

    /** The official reads their notifications, one page at a time. */
    private void feed() {
        if (stopping || !feedReading.compareAndSet(false, true)) return;
        try {
            retrying(
                    "notifications: feed",
                    () -> send("GET", url("notifications", "/api/notifications?limit=20"), official, Map.of(), null),
                    a -> a.status() == 200 && a.json().isArray());
        } finally {
            feedReading.set(false);
        }
    }

    private void kpis() {
        // a person reads one page at a time: no second read while the first waits for its answer
        if (stopping || !supervisorReading.compareAndSet(false, true)) return;
        try {
            readKpis();
        } finally {
            supervisorReading.set(false);
        }
    }

    private void readKpis() {
        retrying(
                "oversight: KPIs",
                () -> send("GET", url("oversight", "/api/oversight/kpis"), supervisor, Map.of(), null),
                a -> a.status() == 200);
    }

    private void token() {
        if (stopping) return;
        String form = "grant_type=client_credentials";
        retrying(
                "identity: client token",
                () -> {
                    HttpRequest request = HttpRequest.newBuilder(url("identity", "/oauth2/token"))
                            .timeout(Duration.ofSeconds(30))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + java.util.Base64.getEncoder()
                                                    .encodeToString(("supervisor-client:" + PASSWORD)
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build();
                    return exchange(request);
                },
                a -> a.status() == 200);
    }

    private void portalCheck(Browser portal) {
        if (stopping || !portalReading.compareAndSet(false, true)) return;
        try {
            checkPortal(portal);
        } finally {
            portalReading.set(false);
        }
    }

    private void checkPortal(Browser portal) {
        Counts c = counts.computeIfAbsent("portal: signed-in page", Counts::new);
        c.total.incrementAndGet();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            int status = portalPage(portal);
            if (status == 200) {
                portalChecks.incrementAndGet();
                (attempts == 1 ? c.atOnce : c.afterRetry).incrementAndGet();
                return;
            }
            if (status == 302) {
                // sent to sign in again: the session is gone, which no retry mends
                portalChecks.incrementAndGet();
                portalSignedOut.incrementAndGet();
                c.lost.incrementAndGet();
                c.lastLoss = "signed out";
                return;
            }
            c.failure(attempts, new Answer(status, null, MissingNode.getInstance(), null, "portal " + status));
            sleep(1000L << Math.min(3, attempts - 1));
        }
        c.lost.incrementAndGet();
    }

    private int portalPage(Browser portal) {
        try {
            return portal.get(url("portal", "/enterprise/appeals"), false).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The portal's sign-in through identity, as a browser: the login form, its CSRF token, back to the portal. */
    private void signInToPortal(Browser browser) throws Exception {
        HttpResponse<String> form = browser.get(url("portal", "/oauth2/authorization/qinqing"), true);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"").matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form from " + form.uri() + " (" + form.statusCode() + ")");
        }
        String body = "username=enterprise-a&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> landed = browser.post(url("identity", "/login"), body);
        say("portal sign-in landed on " + landed.uri() + " (" + landed.statusCode() + ")");
    }

    /**
     * A browser's cookies, as curl keeps them: by name for the host, whatever the port (the portal and identity are
     * both on localhost; the JDK's CookieManager did not carry the portal's session through the sign-in), redirects
     * followed by hand.
     */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        HttpResponse<String> get(URI uri, boolean follow) throws Exception {
            return send(HttpRequest.newBuilder(uri).GET(), follow);
        }

        HttpResponse<String> post(URI uri, String form) throws Exception {
            return send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)),
                    true);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, boolean follow) throws Exception {
            HttpResponse<String> response = exchange(request);
            for (int hops = 0; follow && hops < 20 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri()
                        .resolve(response.headers().firstValue("Location").orElseThrow());
                response = exchange(HttpRequest.newBuilder(next).GET());
            }
            return response;
        }

        private HttpResponse<String> exchange(HttpRequest.Builder request) throws Exception {
            request.timeout(Duration.ofSeconds(20));
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0)
                    cookies.put(
                            pair.substring(0, equals).trim(),
                            pair.substring(equals + 1).trim());
            }
            return response;
        }
    }

    // ---- HTTP with a client's retries

    record Answer(int status, String etag, JsonNode json, String retryAfter, String detail) {}

    /** Outcomes of one operation: answered at once, after retrying, refused clearly, lost; first failures by kind. */
    static final class Counts {
        final String name;
        final AtomicLong total = new AtomicLong();
        final AtomicLong atOnce = new AtomicLong();
        final AtomicLong afterRetry = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final Map<String, AtomicLong> failedAttempts = new ConcurrentHashMap<>();
        volatile String lastLoss;

        Counts(String name) {
            this.name = name;
        }

        void failure(int attempt, Answer answer) {
            String kind = answer.status() < 0 ? answer.detail() : Integer.toString(answer.status());
            failedAttempts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requests", total.get());
            json.put("answered_at_once", atOnce.get());
            json.put("answered_after_retry", afterRetry.get());
            json.put("refused_clearly", refused.get());
            json.put("lost", lost.get());
            Map<String, Object> failed = new TreeMap<>();
            failedAttempts.forEach((k, v) -> failed.put(k, v.get()));
            json.put("failed_attempts", failed);
            if (lastLoss != null) json.put("last_loss", lastLoss);
            return json;
        }
    }

    /**
     * Sends until {@code done}, retrying what got no clear answer (no connection, a timeout, 502/503/504/500) for at
     * most 90 s; a 429 is a clear refusal and final, any other answer too (counted as lost when not {@code done}).
     */
    private Answer retrying(String operation, Supplier<Answer> attempt, Predicate<Answer> done) {
        Counts c = counts.computeIfAbsent(operation, Counts::new);
        c.total.incrementAndGet();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            Answer answer = attempt.get();
            if (done.test(answer)) {
                (attempts == 1 ? c.atOnce : c.afterRetry).incrementAndGet();
                return answer;
            }
            c.failure(attempts, answer);
            if (answer.status() == 429) {
                c.refused.incrementAndGet();
                return answer;
            }
            boolean retryable = answer.status() < 0 || answer.status() >= 500;
            if (!retryable) {
                c.lost.incrementAndGet();
                c.lastLoss = answer.status() + " " + answer.detail();
                say(operation + ": " + answer.status() + " " + Report.abbreviate(answer.detail()));
                return null;
            }
            // as a client should: back off (1, 2, 4, 8 s), or as long as Retry-After says
            sleep(
                    answer.retryAfter() != null
                            ? Math.min(10_000, 1000L * parseOr(answer.retryAfter(), 1))
                            : 1000L << Math.min(3, attempts - 1));
        }
        c.lost.incrementAndGet();
        c.lastLoss = "no answer within " + RETRY_FOR.toSeconds() + " s";
        return null;
    }

    /** Reads until 200 and {@code ready} (a 404 while another service catches up is a wait, not a failure). */
    private Answer await(String operation, URI uri, String token, Predicate<JsonNode> ready) {
        Counts c = counts.computeIfAbsent(operation, Counts::new);
        c.total.incrementAndGet();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        boolean failed = false;
        while (System.nanoTime() < deadline) {
            Answer answer = send("GET", uri, token, Map.of(), null);
            if (answer.status() == 200 && ready.test(answer.json())) {
                (failed ? c.afterRetry : c.atOnce).incrementAndGet();
                return answer;
            }
            if (answer.status() != 200 && answer.status() != 404) {
                failed = true;
                c.failure(0, answer);
            }
            sleep(500);
        }
        c.lost.incrementAndGet();
        c.lastLoss = "not ready within " + RETRY_FOR.toSeconds() + " s: " + uri.getPath();
        return null;
    }

    private Answer send(String method, URI uri, String token, Map<String, String> headers, Object body) {
        try {
            return exchange(JsonRequests.of(method, uri, token, headers, body, Duration.ofSeconds(30)));
        } catch (Exception e) {
            return new Answer(
                    -1, null, MissingNode.getInstance(), null, e.getClass().getSimpleName());
        }
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = MissingNode.getInstance();
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(response.body());
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("ETag").orElse(null),
                    json,
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, MissingNode.getInstance(), null, "interrupted");
        } catch (Exception e) {
            return new Answer(
                    -1, null, MissingNode.getInstance(), null, e.getClass().getSimpleName());
        }
    }

    // ---- the verdict

    private boolean verdict(Database database, boolean stillSignedIn) throws SQLException {
        List<String> misses = new ArrayList<>();
        Map<String, Object> operations = new TreeMap<>();
        counts.forEach((name, c) -> {
            operations.put(name, c.json());
            say(String.format(
                    "%-28s %4d requests: %4d at once, %3d after retrying, %3d refused clearly, %d lost; failed"
                            + " attempts %s",
                    name,
                    c.total.get(),
                    c.atOnce.get(),
                    c.afterRetry.get(),
                    c.refused.get(),
                    c.lost.get(),
                    c.json().get("failed_attempts")));
            if (c.lost.get() > 0) misses.add(c.lost.get() + " lost: " + name + " (" + c.lastLoss + ")");
        });
        json.put("operations", operations);

        Map<String, Object> store = new LinkedHashMap<>();
        try (Connection connection = database.connect()) {
            long filedEvents = count(connection, "AppealFiledEvent", tag);
            long filedAppeals = countDistinct(connection, "AppealFiledEvent", tag);
            int acknowledged = acknowledgedFilings.size();
            store.put("filings_acknowledged", acknowledged);
            store.put("filings_refused_429", refusedFilings.size());
            store.put("appeal_filed_events", filedEvents);
            store.put("appeals", filedAppeals);
            say("appeals: " + acknowledged + " filings acknowledged (" + refusedFilings.size() + " refused 429), "
                    + filedEvents + " AppealFiledEvents for " + filedAppeals + " appeals");
            if (filedEvents != acknowledged || filedAppeals != acknowledged) {
                misses.add("filings: " + acknowledged + " acknowledged, " + filedEvents + " events for " + filedAppeals
                        + " appeals");
            }
            long meetingEvents = count(connection, "MeetingScheduledEvent", tag);
            long meetings = countDistinct(connection, "MeetingScheduledEvent", tag);
            store.put("meetings_acknowledged", meetingKeys.size());
            store.put("meeting_scheduled_events", meetingEvents);
            say("meetings: " + meetingKeys.size() + " acknowledged, " + meetingEvents + " MeetingScheduledEvents for "
                    + meetings + " meetings");
            if (meetingEvents != meetingKeys.size() || meetings != meetingKeys.size()) {
                misses.add("meetings: " + meetingKeys.size() + " acknowledged, " + meetingEvents + " events");
            }
            long projectEvents = count(connection, "KeyProjectRegisteredEvent", tag);
            long projects = countDistinct(connection, "KeyProjectRegisteredEvent", tag);
            store.put("projects_acknowledged", projectKeys.size());
            store.put("key_project_registered_events", projectEvents);
            store.put("projects", projects);
            say("projects: " + projectKeys.size() + " acknowledged, " + projectEvents
                    + " KeyProjectRegisteredEvents for " + projects + " projects");
            if (projectEvents != projectKeys.size() || projects != projectKeys.size()) {
                misses.add("projects: " + projectKeys.size() + " acknowledged, " + projectEvents + " events for "
                        + projects + " projects");
            }

            List<String> ids = appeals.stream().map(UUID::toString).toList();
            Map<String, Long> signFors = perAggregate(connection, "AppealSignedForEvent", ids, null);
            Map<String, Long> opened = perAggregate(connection, "CaseFileOpenedEvent", ids, null);
            long twiceSigned = signFors.values().stream().filter(n -> n > 1).count();
            long twiceOpened = opened.values().stream().filter(n -> n > 1).count();
            long withoutCaseFile = signedFor.stream()
                    .filter(id -> !opened.containsKey(id.toString()))
                    .count();
            store.put("signed_for", signedFor.size());
            store.put(
                    "sign_for_events",
                    signFors.values().stream().mapToLong(Long::longValue).sum());
            store.put("case_files", opened.size());
            store.put("case_files_opened_twice", twiceOpened);
            store.put("signed_for_without_case_file", withoutCaseFile);
            say("case files: " + signedFor.size() + " appeals signed for, " + signFors.size()
                    + " with a sign-for event ("
                    + twiceSigned + " twice), " + opened.size() + " case files (" + twiceOpened + " opened twice, "
                    + withoutCaseFile + " signed for without one)");
            if (twiceSigned > 0 || twiceOpened > 0 || withoutCaseFile > 0) {
                misses.add("case files: " + twiceSigned + " signed twice, " + twiceOpened + " opened twice, "
                        + withoutCaseFile + " missing");
            }

            // deadlines: every one that came due at least 15 s ago fired exactly once, none twice
            Instant cutOff = Instant.now().minusSeconds(15);
            Map<String, Long> firstContact = perAggregate(connection, "DeadlineBreachedEvent", ids, "FIRST_CONTACT");
            Map<String, Long> resolution = perAggregate(connection, "DeadlineBreachedEvent", ids, "\"RESOLUTION\"");
            long due = 0;
            long firedOnce = 0;
            long firedTwice = 0;
            long notFired = 0;
            for (Map.Entry<UUID, JsonNode> caseFile : caseFiles.entrySet()) {
                String id = caseFile.getKey().toString();
                for (String kind : List.of("firstContactDueAt", "resolutionDueAt")) {
                    Instant dueAt = instant(caseFile.getValue().path(kind).asText());
                    long fired = (kind.startsWith("first") ? firstContact : resolution).getOrDefault(id, 0L);
                    if (fired > 1) firedTwice++;
                    if (dueAt.isBefore(cutOff)) {
                        due++;
                        if (fired == 1) firedOnce++;
                        if (fired == 0) notFired++;
                    }
                }
            }
            notifications(connection, signedFor.stream().map(UUID::toString).toList(), store, misses);

            long overdueTasks = overdueScheduledTasks(connection);
            store.put("deadlines_due", due);
            store.put("deadlines_fired_once", firedOnce);
            store.put("deadlines_fired_twice", firedTwice);
            store.put("deadlines_not_fired", notFired);
            store.put("scheduled_tasks_overdue", overdueTasks);
            say("deadlines: " + due + " came due, " + firedOnce + " fired once, " + firedTwice + " twice, " + notFired
                    + " not at all; " + overdueTasks + " db-scheduler executions overdue by more than 30 s");
            if (due == 0) {
                misses.add("no deadline came due: start the platform with QINQING_RESOLUTION_SLA_CLOCK=ELAPSED"
                        + " QINQING_RESOLUTION_SLA_DAY=PT30S");
            }
            if (firedTwice > 0 || notFired > 0 || overdueTasks > 0) {
                misses.add("deadlines: " + firedTwice + " fired twice, " + notFired + " not fired, " + overdueTasks
                        + " overdue executions");
            }
        }
        json.put("store", store);
        Map<String, Object> portal = new LinkedHashMap<>();
        portal.put("checks", portalChecks.get());
        portal.put("signed_out", portalSignedOut.get());
        portal.put("signed_in_after_the_last_kill", stillSignedIn);
        json.put("portal", portal);
        say("portal: " + portalChecks.get() + " checks of the signed-in user, " + portalSignedOut.get()
                + " answered as signed out; " + (stillSignedIn ? "still signed in" : "SIGNED OUT")
                + " after the last kill");
        if (!stillSignedIn || portalSignedOut.get() > 0) misses.add("the portal user was signed out");
        json.put("misses", misses);
        json.put("pass", misses.isEmpty());
        if (!misses.isEmpty()) say("misses: " + misses);
        return misses.isEmpty();
    }

    /**
     * The notifications service's feed for the appeals signed for: "routed" and "signed for" told to the enterprise,
     * "case arrived" to the official, each exactly once (its unique key makes twice impossible; a kill mid-batch must not
     * make it never). Waits up to 60 s for the service to catch up.
     */
    private void notifications(Connection connection, List<String> ids, Map<String, Object> store, List<String> misses)
            throws SQLException {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("APPEAL_ROUTED", "enterprise:%");
        kinds.put("CASE_ARRIVED", "user:official");
        kinds.put("APPEAL_SIGNED_FOR", "enterprise:%");
        Map<String, Object> told = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> found = new ArrayList<>();
        while (true) {
            found.clear();
            told.clear();
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                Map<String, Long> rows = new TreeMap<>();
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT appeal_id::text, count(*) FROM notifications.notification WHERE channel = 'FEED'"
                                + " AND kind = ? AND recipient LIKE ? AND appeal_id::text = ANY (?) GROUP BY 1")) {
                    statement.setString(1, kind.getKey());
                    statement.setString(2, kind.getValue());
                    statement.setArray(3, connection.createArrayOf("varchar", ids.toArray()));
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) rows.put(result.getString(1), result.getLong(2));
                    }
                }
                long once = rows.values().stream().filter(n -> n == 1).count();
                long twice = rows.values().stream().filter(n -> n > 1).count();
                long never = ids.size() - rows.size();
                told.put(kind.getKey(), Map.of("once", once, "twice", twice, "never", never));
                if (twice > 0 || never > 0) {
                    found.add(kind.getKey() + ": " + twice + " twice, " + never + " never");
                }
            }
            if (found.isEmpty() || System.nanoTime() > deadline) break;
            sleep(2000);
        }
        store.put("notifications_per_appeal_signed_for", new LinkedHashMap<>(told));
        say("notifications for " + ids.size() + " appeals signed for: " + told);
        if (!found.isEmpty()) misses.add("notifications: " + found);
    }

    private static long count(Connection connection, String type, String tag) throws SQLException {
        return single(
                connection,
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE ?"
                        + " AND convert_from(payload, 'UTF8') LIKE ?",
                type,
                tag);
    }

    private static long countDistinct(Connection connection, String type, String tag) throws SQLException {
        return single(
                connection,
                "SELECT count(DISTINCT aggregate_identifier) FROM event_store.domain_event_entry"
                        + " WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8') LIKE ?",
                type,
                tag);
    }

    private static long single(Connection connection, String sql, String type, String tag) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "%." + type);
            statement.setString(2, "%" + tag + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Events of {@code type} per appeal among {@code ids} (the payload's {@code appealId}: an assignment and a case file
     * have ids of their own), those whose payload contains {@code containing}.
     */
    private static Map<String, Long> perAggregate(
            Connection connection, String type, List<String> ids, String containing) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT convert_from(payload, 'UTF8')::jsonb->>'appealId', count(*) FROM event_store.domain_event_entry"
                        + " WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb->>'appealId' = ANY (?)"
                        + " AND convert_from(payload, 'UTF8') LIKE ? GROUP BY 1")) {
            Array array = connection.createArrayOf("varchar", ids.toArray());
            statement.setString(1, "%." + type);
            statement.setArray(2, array);
            statement.setString(3, containing == null ? "%" : "%" + containing + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** db-scheduler executions (resolution's, appeals' and projects' deadlines) due more than 30 s ago and still there. */
    private static long overdueScheduledTasks(Connection connection) throws SQLException {
        long overdue = 0;
        for (String schema : List.of("resolution", "appeals", "projects")) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + schema
                    + ".scheduled_tasks WHERE execution_time < now() - interval '30 seconds'")) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    overdue += rows.getLong(1);
                }
            } catch (SQLException e) {
                say("could not read " + schema + ".scheduled_tasks: " + e.getMessage());
                connection.rollback();
            }
        }
        return overdue;
    }

    /** An instant of a case file's JSON; the far future when it has none (nothing came due). */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.MAX;
        }
    }

    private static int parseOr(String value, int fallback) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
