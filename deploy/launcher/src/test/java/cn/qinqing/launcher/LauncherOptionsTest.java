package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Map<String, String> NO_ENV = Map.of("QINQING_ROOT", "/srv/qinqing");

    @Test
    void startsEverythingOnEmbeddedPostgresWithTheReadmePortsByDefault() {
        LauncherOptions options = LauncherOptions.parse(new String[0], NO_ENV);

        assertThat(options.databaseUrl()).isEmpty();
        assertThat(options.noEmbedded()).isFalse();
        assertThat(options.postgresPort()).isEqualTo(54329);
        assertThat(options.portOffset()).isZero();
        assertThat(options.only()).isEmpty();
        assertThat(options.root()).isEqualTo(Path.of("/srv/qinqing"));
        assertThat(options.javaOptions()).isEqualTo(Platform.DEFAULT_JAVA_OPTIONS);
    }

    @Test
    void takesTheDatabaseFromTheEnvironmentAndAFlagWinsOverIt() {
        Map<String, String> env = Map.of(
                "QINQING_ROOT", "/srv/qinqing",
                "QINQING_DATABASE_URL", "jdbc:postgresql://db:5432/from_env",
                "QINQING_DATABASE_USER", "qinqing",
                "QINQING_DATABASE_PASSWORD", "secret");

        assertThat(LauncherOptions.parse(new String[0], env).databaseUrl())
                .contains("jdbc:postgresql://db:5432/from_env");
        LauncherOptions flagged =
                LauncherOptions.parse(new String[] {"--database-url=jdbc:postgresql://other:5432/flag"}, env);
        assertThat(flagged.databaseUrl()).contains("jdbc:postgresql://other:5432/flag");
        assertThat(flagged.databaseUser()).isEqualTo("qinqing");
        assertThat(flagged.databasePassword()).isEqualTo("secret");
    }

    @Test
    void startsASubsetNamedByOnly() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--only=identity, appeals"}, NO_ENV);

        assertThat(options.only()).contains(List.of("identity", "appeals"));
    }

    @Test
    void refusesAnUnknownServiceNamingTheKnownOnes() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--only=identity,apeals"}, NO_ENV))
                .hasMessageContaining("apeals")
                .hasMessageContaining("identity, appeals");
    }

    @Test
    void refusesAnUnknownOptionShowingTheUsage() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--embedded=no"}, NO_ENV))
                .hasMessageContaining("Unknown option --embedded=no")
                .hasMessageContaining("--no-embedded");
    }

    @Test
    void refusesADatabaseUrlTogetherWithNoEmbedded() {
        assertThatThrownBy(() -> LauncherOptions.parse(
                        new String[] {"--no-embedded", "--database-url=jdbc:postgresql://db/qinqing"}, NO_ENV))
                .hasMessageContaining("choose one");
    }

    @Test
    void movesEveryPortByTheOffset() {
        LauncherOptions options =
                LauncherOptions.parse(new String[] {"--port-offset=100", "--postgres-port=55000"}, NO_ENV);

        assertThat(options.portOffset()).isEqualTo(100);
        assertThat(options.postgresPort()).isEqualTo(55000);
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--port-offset=ten"}, NO_ENV))
                .hasMessageContaining("--port-offset must be a number");
    }

    @Test
    void replicasAreOneUnlessAskedAndAtMostFour() {
        assertThat(LauncherOptions.parse(new String[0], NO_ENV).replicas()).isEqualTo(1);
        assertThat(LauncherOptions.parse(new String[] {"--replicas=2"}, NO_ENV).replicas())
                .isEqualTo(2);
        assertThat(LauncherOptions.parse(new String[0], Map.of("QINQING_REPLICAS", "3"))
                        .replicas())
                .isEqualTo(3);
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--replicas=0"}, NO_ENV))
                .hasMessageContaining("1 to 4");
    }

    @Test
    void theHelpTextNamesEveryServiceAndTheDefaultsAsTheyAre() {
        String usage = LauncherOptions.usage().replaceAll("\\s+", " ");

        assertThat(usage).contains("(known: " + ServiceCatalog.names(ServiceCatalog.ALL) + ")");
        for (String option : List.of(
                "--only=",
                "--database-url=",
                "--database-user=",
                "--database-password=",
                "--no-embedded",
                "--postgres-port=",
                "--port-offset=",
                "--replicas=",
                "--timeout=",
                "--root=",
                "--help")) {
            assertThat(usage).as("every option LauncherOptions.parse accepts").contains(option);
        }
        assertThat(usage).contains("default " + LauncherOptions.DEFAULT_POSTGRES_PORT + ")");
        assertThat(usage)
                .as("the service processes' JVM options (Platform.DEFAULT_JAVA_OPTIONS)")
                .contains("(default: " + String.join(" ", Platform.DEFAULT_JAVA_OPTIONS) + ")");
    }
}
