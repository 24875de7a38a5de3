package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    private static final Database DATABASE =
            new Database("jdbc:postgresql://127.0.0.1:54329/qinqing", "postgres", "not-on-the-command-line");

    @TempDir
    Path root;

    @Test
    void tellsIdentityItsIssuerAndTheOthersToTrustIt() throws IOException {
        build("identity", "appeals");
        Platform platform = Platform.builder(root)
                .database(DATABASE)
                .services(ServiceCatalog.named("identity", "appeals"))
                .port("identity", 19000)
                .build();

        List<String> identity = platform.command(ServiceCatalog.service("identity"), 19000, Path.of("identity.jar"));
        List<String> appeals = platform.command(ServiceCatalog.service("appeals"), 8081, Path.of("appeals.jar"));

        assertThat(platform.issuer()).hasToString("http://localhost:19000");
        assertThat(identity)
                .contains(
                        "--server.port=19000",
                        "--qinqing.identity.issuer=http://localhost:19000",
                        "--spring.profiles.active=local",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:54329/qinqing")
                .noneMatch(argument -> argument.contains("resourceserver"));
        assertThat(appeals)
                .contains(
                        "--server.port=8081",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:19000",
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:19000/oauth2/jwks")
                .containsSequence("-jar", "appeals.jar")
                .noneMatch(argument -> argument.contains("not-on-the-command-line"));
    }

    @Test
    void aServiceGivenARoleConnectsAsThatRoleAndTheOthersAsTheDatabaseUser() throws IOException {
        build("identity", "appeals", "portal");
        Platform platform = Platform.builder(root)
                .database(DATABASE)
                .serviceDatabases(Map.of("appeals", new Database(DATABASE.url(), "qinqing_appeals", "appeals-secret")))
                .services(ServiceCatalog.named("identity", "appeals", "portal"))
                .build();

        assertThat(platform.command(ServiceCatalog.service("appeals"), 8081, Path.of("appeals.jar")))
                .contains("--spring.datasource.username=qinqing_appeals")
                .noneMatch(argument -> argument.contains("appeals-secret"));
        assertThat(platform.command(ServiceCatalog.service("portal"), 8080, Path.of("portal.jar")))
                .contains("--spring.datasource.username=postgres");
    }

    @Test
    void choosesFreePortsForTestsButKeepsTheIssuerOfAnIdentityRunningElsewhere() throws IOException {
        build("appeals");
        Platform platform = Platform.builder(root)
                .database(DATABASE)
                .services(ServiceCatalog.named("appeals"))
                .freePorts()
                .build();

        assertThat(platform.issuer()).hasToString("http://localhost:9000");
    }

    @Test
    void refusesToStartAServiceThatIsNotBuilt() {
        assertThatThrownBy(() -> Platform.builder(root)
                        .database(DATABASE)
                        .services(ServiceCatalog.named("appeals"))
                        .build())
                .hasMessageContaining("appeals is not built")
                .hasMessageContaining("qinqing-appeals.jar");
    }

    private void build(String... services) throws IOException {
        for (ServiceDefinition service : ServiceCatalog.named(services)) {
            Files.createDirectories(service.jarIn(root).getParent());
            Files.writeString(service.jarIn(root), "");
        }
    }
}
