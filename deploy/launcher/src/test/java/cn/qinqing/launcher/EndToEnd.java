package cn.qinqing.launcher;

import cn.qinqing.testsupport.TestDatabase;
import java.nio.file.Path;

/**
 * What the end-to-end tests of this module share: the project root (failsafe passes {@code qinqing.root}), a platform
 * builder pointed at this JVM's fresh test database with every service on a free port, and one platform of identity
 * and appeals started on first use and stopped when the JVM exits.
 */
final class EndToEnd {

    static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();

    private static volatile Platform shared;

    private EndToEnd() {}

    /** The named services (jars built by the reactor before this module), on free ports and the test database. */
    static Platform.Builder builder(String... services) {
        return builder(TestDatabase.get(), services);
    }

    /** The named services on free ports and the given database, such as {@code TestDatabase.get().another("x")}. */
    static Platform.Builder builder(TestDatabase database, String... services) {
        return Platform.builder(ROOT)
                .database(new Database(database.url(), database.user(), ""))
                .services(ServiceCatalog.named(services))
                .freePorts()
                .runDirectory(Path.of("target", "platform").toAbsolutePath())
                .progress(message -> System.out.println("[platform] " + message));
    }

    /** Identity and appeals, started once for all tests of this JVM. */
    static Platform platform() {
        if (shared == null) {
            synchronized (EndToEnd.class) {
                if (shared == null) {
                    Platform platform = builder("identity", "appeals").start();
                    Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
                    shared = platform;
                }
            }
        }
        return shared;
    }
}
