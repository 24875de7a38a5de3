package cn.qinqing.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seven images that {@code ./mvnw -B -Pimages -DskipTests package} built, inspected as files (no container engine
 * runs on these machines): the base's root file system plus Jib's layers, the non-root user, the entry point with the
 * JVM sized from the container's memory, and the OCI labels with version and git revision. Runs with the images
 * profile only ({@code ./mvnw -B -Pimages -pl deploy/k8s verify} after the package above; docs/deploy.md).
 */
@EnabledIfSystemProperty(named = "qinqing.images", matches = "true")
class ImageInspectionIT {

    @ParameterizedTest
    @CsvSource({
        "portal, 8080, cn.qinqing.portal.",
        "identity, 9000, cn.qinqing.identity.",
        "appeals, 8081, cn.qinqing.appeals.",
        "assignment, 8082, cn.qinqing.assignment.",
        "resolution, 8083, cn.qinqing.resolution.",
        "meetings, 8084, cn.qinqing.meetings.",
        "oversight, 8085, cn.qinqing.oversight.",
        "notifications, 8086, cn.qinqing.notifications.",
        "projects, 8087, cn.qinqing.projects."
    })
    void theImageIsNonRootSizedFromItsContainerAndLabelled(String service, int port, String mainPackage)
            throws IOException {
        Path root = RenderedManifests.k8sDirectory().resolve("../..").normalize();
        Path tar = root.resolve("services/" + service + "/target/jib-image.tar");
        assertThat(tar).as("built by ./mvnw -B -Pimages -DskipTests package").isRegularFile();

        OciImage image = OciImage.read(tar);

        assertThat(image.index()
                        .at("/manifests/0/annotations/org.opencontainers.image.ref.name")
                        .asText())
                .isEqualTo("qinqing/qinqing-" + service + ":" + projectVersion(root));
        JsonNode config = image.config().path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/tmp");
        assertThat(config.at("/ExposedPorts").has(port + "/tcp")).isTrue();
        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint)
                .contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.get(entrypoint.size() - 1)).startsWith(mainPackage);
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(projectVersion(root));
        assertThat(labels.path("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("qinqing-" + service);

        // the base (one layer from deploy/images/base.sh) and Jib's: dependencies, resources, classes
        assertThat(image.layers()).hasSizeGreaterThanOrEqualTo(4);
        List<OciImage.TarEntry> base = image.layers().get(0);
        assertThat(base)
                .anyMatch(entry -> entry.name().endsWith("usr/lib/jvm/java-17-openjdk-amd64/bin/java"))
                .anyMatch(entry -> entry.name().endsWith("usr/share/zoneinfo/Asia/Shanghai"))
                .anyMatch(entry -> entry.name().endsWith("wqy-zenhei.ttc"));
        List<OciImage.TarEntry> app = image.layers().subList(1, image.layers().size()).stream()
                .flatMap(List::stream)
                .toList();
        assertThat(app).anyMatch(entry -> entry.name().contains("app/libs/"));
        assertThat(app).anyMatch(entry -> entry.name().contains("app/classes/cn/qinqing/"));
        // nothing of the application is writable by the user it runs as: a read-only root file system loses nothing
        assertThat(app)
                .filteredOn(entry -> entry.type() == '0')
                .allSatisfy(entry -> assertThat(entry.uid()).isZero())
                .allSatisfy(entry -> assertThat(entry.mode() & 0022).isZero());
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static String projectVersion(Path root) throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        int artifact = pom.indexOf("<artifactId>qinqing-parent</artifactId>");
        int start = pom.indexOf("<version>", artifact) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start));
    }
}
