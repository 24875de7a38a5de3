package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
    void aBuildThatChangedNothingKeepsTheArchiveAndAChangedJarRecordsAgain() throws IOException {
        Path jar = builtJar();
        Path extracted = extractionOf(jar);
        ClassDataSharing sharing = new ClassDataSharing(directory);
        ClassDataSharing.Launch first = sharing.prepare(APPEALS, jar);
        Files.write(first.recording(), new byte[] {1, 2, 3});
        ClassDataSharing.keep(first, true);

        // written again by the next build: the same entries, a new modification time
        writeJar(jar, "a service class");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(sharing.prepare(APPEALS, jar).javaOptions())
                .containsExactly("-XX:SharedArchiveFile=" + extracted.resolve("appeals.jsa"));

        writeJar(jar, "a changed service class");
        Path changed = extractionOf(jar);
        ClassDataSharing.Launch afterTheChange = sharing.prepare(APPEALS, jar);
        assertThat(afterTheChange.jar()).isEqualTo(changed.resolve("qinqing-appeals.jar"));
        assertThat(afterTheChange.describe()).isEqualTo("recording its class data archive");
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
        return writeJar(jar, "a service class");
    }

    private static Path writeJar(Path jar, String content) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry entry = new ZipEntry("BOOT-INF/classes/Service.class");
            entry.setTime(System.currentTimeMillis());
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    /** What {@code java -Djarmode=tools -jar … extract} left for this content of the jar. */
    private Path extractionOf(Path jar) throws IOException {
        Path extracted = directory.resolve("appeals-" + ClassDataSharing.contentKey(jar));
        Files.createDirectories(extracted);
        Files.writeString(extracted.resolve("qinqing-appeals.jar"), "extracted");
        return extracted;
    }
}
