package cn.qinqing.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Spring Boot's class-data-sharing recipe for the service processes: each service's jar is extracted once per content
 * ({@code java -Djarmode=tools -jar … extract}, so that its classes come from plain jars the JVM can archive), the
 * first start records an archive of the classes it loaded when the process stops ({@code -XX:ArchiveClassesAtExit}),
 * and every later start maps that archive ({@code -XX:SharedArchiveFile}) instead of loading, parsing and verifying
 * those classes again: about 40 % less CPU until healthy for appeals (measured in {@code docs/performance.md}).
 *
 * <p>Everything lives in one directory ({@code .run/cds}), shared by the launcher and the benchmark; a jar whose
 * content changed gets a new extraction and a new archive, one built again with the same content keeps both. Two
 * platforms may race: extractions and archives are written under temporary names and moved into place, and a JVM
 * given an archive it cannot use runs without it.
 */
final class ClassDataSharing {

    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);

    private static final int KEY_LENGTH = 16;

    private final Path directory;

    ClassDataSharing(Path directory) {
        this.directory = directory;
    }

    /**
     * How to start a service: the extracted jar and the options that use or record its archive; or the jar as built,
     * without options, when it cannot be extracted.
     */
    Launch prepare(ServiceDefinition service, Path jar) {
        try {
            Path extracted = extracted(service, jar);
            Path app = extracted.resolve(jar.getFileName());
            Path archive = extracted.resolve(service.name() + ".jsa");
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return new Launch(app, List.of("-XX:SharedArchiveFile=" + archive), null, archive);
            }
            Path recording = extracted.resolve(service.name() + ".jsa." + UUID.randomUUID() + ".tmp");
            return new Launch(app, List.of("-XX:ArchiveClassesAtExit=" + recording), recording, archive);
        } catch (IOException e) {
            return new Launch(jar, List.of(), null, null);
        }
    }

    /** After the process exited by itself (not killed): its recorded archive becomes the one later starts use. */
    static void keep(Launch launch, boolean exitedCleanly) {
        if (launch.recording() == null) {
            return;
        }
        try {
            if (exitedCleanly && Files.isRegularFile(launch.recording()) && Files.size(launch.recording()) > 0) {
                move(launch.recording(), launch.archive());
            } else {
                Files.deleteIfExists(launch.recording());
            }
        } catch (IOException e) {
            // no archive this time: the next start records one again
        }
    }

    /**
     * {@code .run/cds/<service>-<content>/}: the jar's extraction, made once per content of the jar. A build that
     * changed nothing in a service writes the same bytes again (reproducible jars, {@code
     * project.build.outputTimestamp}), so its extraction and archive stay; keyed by size and time, every build made
     * all nine services record again.
     */
    private Path extracted(ServiceDefinition service, Path jar) throws IOException {
        String stamp = service.name() + "-" + contentKey(jar);
        Path target = directory.resolve(stamp);
        if (Files.isRegularFile(target.resolve(jar.getFileName()))) {
            return target;
        }
        Files.createDirectories(directory);
        Path temporary = directory.resolve(stamp + "." + UUID.randomUUID() + ".tmp");
        try {
            Process extract = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            temporary.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!extract.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("Could not extract " + jar);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // another platform extracted the same build at the same moment: use theirs
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        } finally {
            delete(temporary);
        }
        removeOlderBuilds(service, stamp);
        return target;
    }

    /** Extractions of earlier builds of this service (their processes, if any still run, keep their open files). */
    private void removeOlderBuilds(ServiceDefinition service, String current) {
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith(service.name() + "-")
                                && !name.equals(current)
                                && !name.endsWith(".tmp")
                                && name.substring(service.name().length() + 1)
                                        .matches("\\d+-\\d+|[0-9a-f]{" + KEY_LENGTH + "}");
                    })
                    .forEach(ClassDataSharing::delete);
        } catch (IOException e) {
            // left for the next start
        }
    }

    /**
     * What the jar holds, from its central directory alone (every entry's name, size and CRC-32; nothing is
     * decompressed): milliseconds for a service jar, where hashing its 60–90 MB would cost a second of CPU per start.
     */
    static String contentKey(Path jar) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(ByteBuffer.allocate(2 * Long.BYTES)
                        .putLong(entry.getSize())
                        .putLong(entry.getCrc())
                        .flip());
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, KEY_LENGTH);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    /**
     * @param jar the jar to run
     * @param javaOptions the options that use or record the archive
     * @param recording where this start records its archive, or null when it uses one (or none)
     * @param archive the archive later starts use
     */
    record Launch(Path jar, List<String> javaOptions, Path recording, Path archive) {

        /** What the start does with its archive, for the progress report. */
        String describe() {
            if (archive == null) {
                return "without class data sharing";
            }
            return recording == null ? "with its class data archive" : "recording its class data archive";
        }
    }
}
