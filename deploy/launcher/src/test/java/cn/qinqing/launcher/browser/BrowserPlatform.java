package cn.qinqing.launcher.browser;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.LocalMail;
import cn.qinqing.launcher.ObjectStoreServer;
import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.ServiceCatalog;
import cn.qinqing.launcher.operations.OtlpReceiver;
import cn.qinqing.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real platform for the browser tests, started once per test JVM and shared by every test: identity, appeals and
 * the portal, plus every other service whose jar the reactor built, each a process on a free port, all on this JVM's
 * fresh test database with the demo data of the {@code local} profile.
 *
 * <p>The identity service's demo client {@code qinqing-portal} is registered with the portal's free port as its
 * redirect, beside the command-line client {@code qinqing-cli} for API tests, and the portal is told where each
 * service listens, by the same arguments as the run command's.
 *
 * <p>Tracing is on in every service, by its one property, with the spans sent to an OTLP receiver in this JVM
 * ({@link #traces()}): TraceAcrossServicesIT follows a filing through them without a platform of its own, and the
 * other tests run with tracing on as production may.
 *
 * <p>With {@code -Dqinqing.browser.running-platform=N} the tests that need nothing but the portal's pages (CityBrowserIT,
 * EnterpriseBrowserIT, …) drive a platform that is already running with {@code --port-offset=N} instead — such as
 * {@code ./deploy/run.sh --replicas=2}, two instances of every service behind HAProxy (docs/deploy.md, section 4): the
 * portal at {@code http://localhost:8080+N}, a service "runs" when its port answers its readiness check. Tests that
 * reach into the platform (its database, its processes, the traces) refuse to run that way.
 */
public final class BrowserPlatform {

    static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();

    /** Services that the portal's pages call; those not built yet are left out (their pages say so). */
    static final List<String> OPTIONAL =
            List.of("assignment", "resolution", "meetings", "oversight", "notifications", "projects");

    private static volatile BrowserPlatform shared;

    /** Why the one start failed: every later test reports that cause instead of a second, misleading failure. */
    private static volatile RuntimeException failedStart;

    /** The port offset of an already running platform to drive instead of starting one ({@code --port-offset=N}). */
    static final String RUNNING_PLATFORM = "qinqing.browser.running-platform";

    /** Set for a platform already running: the port offset its services listen on; {@code null} for our own. */
    private final Integer runningOffset;

    private final Platform platform;
    private final URI portal;
    private final OtlpReceiver traces;

    private BrowserPlatform(Platform platform, URI portal, OtlpReceiver traces, Integer runningOffset) {
        this.platform = platform;
        this.portal = portal;
        this.traces = traces;
        this.runningOffset = runningOffset;
    }

    public static BrowserPlatform get() {
        if (shared == null) {
            synchronized (BrowserPlatform.class) {
                if (failedStart != null) {
                    throw new IllegalStateException(
                            "the browser platform did not start: " + failedStart.getMessage(), failedStart);
                }
                if (shared == null) {
                    try {
                        String running =
                                System.getProperty(RUNNING_PLATFORM, "").trim();
                        shared = running.isEmpty() ? start() : running(Integer.parseInt(running));
                    } catch (RuntimeException e) {
                        failedStart = e;
                        throw e;
                    }
                }
            }
        }
        return shared;
    }

    private static BrowserPlatform start() {
        List<String> names = new ArrayList<>(List.of("identity", "appeals", "portal"));
        for (String optional : OPTIONAL) {
            if (ServiceCatalog.service(optional).isBuiltIn(ROOT)) {
                names.add(optional);
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        names.forEach(name -> ports.put(name, Platform.freePort()));
        String portal = "http://localhost:" + ports.get("portal");

        Database database = ownDatabase();
        Platform.Builder builder = Platform.builder(ROOT)
                .database(database)
                .services(ServiceCatalog.named(names.toArray(String[]::new)))
                .runDirectory(Path.of("target", "browser-platform").toAbsolutePath())
                // a machine shared with other builds may need longer: -Dqinqing.platform.start-timeout=SECONDS
                .timeout(Duration.ofSeconds(Long.getLong("qinqing.platform.start-timeout", 300)))
                .progress(message -> System.out.println("[browser platform] " + message));
        ports.forEach(builder::port);
        // the portal told where each service is, identity where the portal is (its demo client's redirect), as the
        // run command does; identity seeds the local profile's demo clients, qinqing-cli among them for the API tests
        // that sign in as the demo users (OidcLogin.userToken)
        ServiceCatalog.wiring(name ->
                        ports.getOrDefault(name, ServiceCatalog.service(name).port()))
                .forEach((name, arguments) -> builder.arguments(name, arguments.toArray(String[]::new)));
        OtlpReceiver traces;
        try {
            traces = new OtlpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : names) {
            builder.arguments(
                    name,
                    "--management.tracing.enabled=true",
                    "--management.otlp.tracing.endpoint=" + traces.endpoint());
        }
        LocalMail mail = null;
        if (names.contains(ServiceCatalog.NOTIFICATIONS)) {
            // the notifications service sends to a real SMTP server, as with the run command
            mail = LocalMail.start(Platform.freePort(), Platform.freePort());
            builder.arguments(ServiceCatalog.NOTIFICATIONS, mail.arguments().toArray(String[]::new));
            builder.arguments(
                    ServiceCatalog.NOTIFICATIONS,
                    "--qinqing.notifications.quiet-hours.start=00:00",
                    "--qinqing.notifications.quiet-hours.end=00:00");
        }
        // documents (ADR 0009): a real s3proxy on disk, as the run command starts it
        Path jar = ObjectStoreServer.jar(ROOT);
        if (jar == null) {
            throw new IllegalStateException(
                    "deploy/launcher/target/s3proxy/s3proxy.jar is missing: build the launcher");
        }
        Path run = Path.of("target", "browser-platform").toAbsolutePath();
        ObjectStoreServer store = ObjectStoreServer.start(
                jar, run.resolve("object-store"), Platform.freePort(), run.resolve("logs/object-store.log"));
        for (String name : names) {
            builder.arguments(name, store.argument());
        }
        Platform platform = builder.build();
        LocalMail startedMail = mail;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            platform.stop();
                            if (startedMail != null) {
                                startedMail.close();
                            }
                        },
                        "browser-platform-stop"));
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "browser-object-store-stop"));
        platform.start();
        return new BrowserPlatform(platform, URI.create(portal), traces, null);
    }

    /** A platform already running with {@code --port-offset=offset}: nothing is started or stopped here. */
    private static BrowserPlatform running(int offset) {
        int port = ServiceCatalog.service(ServiceCatalog.PORTAL).port() + offset;
        System.out.println("[browser platform] the platform already running at http://localhost:" + port + " (-D"
                + RUNNING_PLATFORM + "=" + offset + ")");
        BrowserPlatform running = new BrowserPlatform(null, URI.create("http://localhost:" + port), null, offset);
        if (!running.runs(ServiceCatalog.PORTAL)) {
            throw new IllegalStateException("no platform answers at http://localhost:" + port + ": start it first"
                    + " (./deploy/run.sh --replicas=2 --port-offset=" + offset + ")");
        }
        return running;
    }

    /**
     * A database of their own beside this JVM's test database: other end-to-end tests of the JVM start identity there
     * with the default demo clients, and a client registered once is not registered again.
     */
    private static Database ownDatabase() {
        TestDatabase own = TestDatabase.get().another("browser");
        return new Database(own.url(), own.user(), "");
    }

    /** The portal's start page. */
    URI portal() {
        return portal;
    }

    public boolean runs(String service) {
        if (runningOffset != null) {
            return ready(ServiceCatalog.service(service).port() + runningOffset);
        }
        return platform.services().stream().map(RunningService::name).anyMatch(service::equals);
    }

    /** The platform this JVM started; a test that needs it cannot drive a platform already running. */
    public Platform platform() {
        return own(platform);
    }

    /** The spans every service of the platform sent (tracing is on in all of them). */
    public OtlpReceiver traces() {
        return own(traces);
    }

    private <T> T own(T part) {
        if (runningOffset != null) {
            throw new IllegalStateException("this test needs a platform of its own; it cannot run against the one"
                    + " already running (-D" + RUNNING_PLATFORM + "=" + runningOffset + ")");
        }
        return part;
    }

    /** Whether the service on {@code port} (HAProxy's, for a replicated platform) says it is ready. */
    private static boolean ready(int port) {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
