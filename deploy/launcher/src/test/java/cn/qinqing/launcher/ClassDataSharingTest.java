package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    private static final ServiceDefinition APPEALS = ServiceCatalog.service("appeals");

    @TempDir
    Path directory;

    @Test
    void aStartAfterABuildRecordsTheArchiveAndTheNextUsesIt() throws IOException {
        Path jar = builtJar();
        Path extracted = extractionOf(jar);
        ClassDataSharing sharing = new ClassDataSharing(directory);

        ClassDataSharing.Launch first = sharing.prepare(APPEALS, jar);
        assertThat(first.jar()).isEqualTo(extracted.resolve("qinqing-appeals.jar"));
        assertThat(first.javaOptions()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=" + extracted);
        // the JVM writes the archive when the process ends
        Files.write(first.recording(), new byte[] {1, 2, 3});
        ClassDataSharing.keep(first, true);

        ClassDataSharing.Launch second = sharing.prepare(APPEALS, jar);
        assertThat(second.javaOptions()).containsExactly("-XX:SharedArchiveFile=" + extracted.resolve("appeals.jsa"));
        assertThat(second.recording()).isNull();
        assertThat(second.describe()).isEqualTo("with its class data archive");
    }

    @Test
    void theArchiveOfAKilledProcessIsDropped() throws IOException {
        Path jar = builtJar();
        Path extracted = extractionOf(jar);
        ClassDataSharing.Launch first = new ClassDataSharing(directory).prepare(APPEALS, jar);
        Files.write(first.recording(), new byte[] {1, 2, 3});

        ClassDataSharing.keep(first, false);

        assertThat(extracted.resolve("appeals.jsa")).doesNotExist();
        assertThat(first.recording()).doesNotExist();
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsBuiltWithoutSharing() throws IOException {
        Path jar = Files.writeString(directory.resolve("qinqing-appeals.jar"), "not a jar");

        ClassDataSharing.Launch launch = new ClassDataSharing(directory.resolve("cds")).prepare(APPEALS, jar);

        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.javaOptions()).isEmpty();
        assertThat(launch.describe()).isEqualTo("without class data sharing");
    }

    private Path builtJar() throws IOException {
        Path jar = directory.resolve("build/qinqing-appeals.jar");
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, "a service jar");
    }

    /** What {@code java -Djarmode=tools -jar … extract} left for this build of the jar. */
    private Path extractionOf(Path jar) throws IOException {
        Path extracted = directory.resolve("appeals-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis());
        Files.createDirectories(extracted);
        Files.writeString(extracted.resolve("qinqing-appeals.jar"), "extracted");
        return extracted;
    }
}
