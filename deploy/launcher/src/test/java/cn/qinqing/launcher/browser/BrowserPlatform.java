package cn.qinqing.launcher.browser;

import cn.qinqing.launcher.Database;
import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.ServiceCatalog;
import cn.qinqing.testsupport.TestDatabase;
import java.net.URI;
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
 */
public final class BrowserPlatform {

    static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();

    /** Services that the portal's pages call; those not built yet are left out (their pages say so). */
    static final List<String> OPTIONAL = List.of("assignment", "resolution", "meetings", "oversight");

    private static volatile BrowserPlatform shared;

    private final Platform platform;
    private final URI portal;

    private BrowserPlatform(Platform platform, URI portal) {
        this.platform = platform;
        this.portal = portal;
    }

    public static BrowserPlatform get() {
        if (shared == null) {
            synchronized (BrowserPlatform.class) {
                if (shared == null) {
                    shared = start();
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
                .timeout(Duration.ofSeconds(300))
                .progress(message -> System.out.println("[browser platform] " + message));
        ports.forEach(builder::port);
        // the portal told where each service is, identity where the portal is (its demo client's redirect), as the
        // run command does; identity seeds the local profile's demo clients, qinqing-cli among them for the API tests
        // that sign in as the demo users (OidcLogin.userToken)
        ServiceCatalog.wiring(name ->
                        ports.getOrDefault(name, ServiceCatalog.service(name).port()))
                .forEach((name, arguments) -> builder.arguments(name, arguments.toArray(String[]::new)));
        Platform platform = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "browser-platform-stop"));
        platform.start();
        return new BrowserPlatform(platform, URI.create(portal));
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
        return platform.services().stream().map(RunningService::name).anyMatch(service::equals);
    }

    public Platform platform() {
        return platform;
    }
}
