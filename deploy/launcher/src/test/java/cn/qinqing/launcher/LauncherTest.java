package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines the run command gives the services, with and without {@code --port-offset}. */
class LauncherTest {

    private static final Database DATABASE = new Database("jdbc:postgresql://127.0.0.1:54329/qinqing", "postgres", "");

    @TempDir
    Path root;

    @Test
    void anOffsetMovesTheIssuerThePortalsServicesAndTheRedirectTheProviderKnows() throws IOException {
        Platform platform = platform(100);

        List<String> portal = command(platform, "portal");
        List<String> identity = command(platform, "identity");

        assertThat(platform.issuer()).hasToString("http://localhost:9100");
        assertThat(portal)
                .contains(
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:9100",
                        "--qinqing.portal.services.appeals=http://localhost:8181",
                        "--qinqing.portal.services.assignment=http://localhost:8182",
                        "--qinqing.portal.services.resolution=http://localhost:8183",
                        "--qinqing.portal.services.meetings=http://localhost:8184",
                        "--qinqing.portal.services.oversight=http://localhost:8185",
                        "--qinqing.portal.services.notifications=http://localhost:8186",
                        "--qinqing.portal.services.projects=http://localhost:8187")
                .noneMatch(argument -> argument.contains("portal.services.identity"));
        assertThat(identity)
                .contains(
                        "--qinqing.identity.issuer=http://localhost:9100",
                        "--qinqing.demo.portal-url=http://localhost:8180")
                .noneMatch(argument -> argument.startsWith("--qinqing.portal."));
        assertThat(command(platform, "meetings"))
                .contains("--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:9100")
                .noneMatch(argument -> argument.startsWith("--qinqing.portal.") || argument.contains("portal-url"));
    }

    @Test
    void withoutAnOffsetEverythingIsWhereTheReadmeSays() throws IOException {
        Platform platform = platform(0);

        assertThat(command(platform, "portal"))
                .contains(
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:9000",
                        "--qinqing.portal.services.appeals=http://localhost:8081",
                        "--qinqing.portal.services.oversight=http://localhost:8085");
        assertThat(command(platform, "identity")).contains("--qinqing.demo.portal-url=http://localhost:8080");
    }

    @Test
    void aServiceThatRunsOutOfHeapLeavesADumpBesideItsLog() throws IOException {
        assertThat(command(platform(0), "oversight"))
                .contains(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:+HeapDumpOnOutOfMemoryError",
                        "-XX:HeapDumpPath=" + root.resolve(".run").resolve("logs"));
    }

    private Platform platform(int offset) throws IOException {
        for (ServiceDefinition service : ServiceCatalog.ALL) {
            Files.createDirectories(service.jarIn(root).getParent());
            Files.writeString(service.jarIn(root), "");
        }
        return Launcher.wire(Platform.builder(root), offset)
                .database(DATABASE)
                .services(ServiceCatalog.ALL)
                .build();
    }

    private static List<String> command(Platform platform, String service) {
        return platform.command(ServiceCatalog.service(service), 1, Path.of(service + ".jar"));
    }
}
