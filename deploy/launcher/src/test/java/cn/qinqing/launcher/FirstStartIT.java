package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on a machine where Qinqing never ran (issue 14): the launcher jar started as {@code
 * ./deploy/run.sh} starts it (its JVM options read from the script), with an empty temporary directory ({@code
 * java.io.tmpdir} and {@code TMPDIR}) and a project directory without {@code .run/}, up to identity and appeals
 * healthy, while another is started again after it was killed ({@code kill -9}) as it unpacked PostgreSQL. Each
 * project directory holds links to the built jars and nothing else. Both at once, so that the test takes the time of
 * one start: what fails when two start together fails here, and so does what fails alone.
 */
class FirstStartIT {

    private static final Path LAUNCHER_JAR = EndToEnd.ROOT.resolve("deploy/launcher/target/qinqing-launcher.jar");
    private static final String RUNNING = "Qinqing 亲清 is running.";
    // beyond the launcher's own 300 s per service: a start that fails says so itself, a slow one (a busy CI machine)
    // passes
    private static final Duration START = Duration.ofSeconds(600);

    @TempDir
    Path scratch;

    private final List<LauncherRun> runs = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        runs.forEach(LauncherRun::stop);
    }

    @Test
    void startsOnAnEmptyTempDirectoryAfterAKilledUnpackWithAnotherCopyStartingAtTheSameMoment() throws Exception {
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));

        // a start killed while it unpacks PostgreSQL leaves a partial directory behind...
        LauncherRun killed = start("killed", tmp);
        Path partial = killed.awaitPartialUnpack();
        killed.kill();
        assertThat(partial).as("killed half-way through unpacking").exists();
        assertThat(tmp.resolve("embedded-pg"))
                .as("no PostgreSQL in the temporary directory")
                .doesNotExist();

        // ...then, at the same moment on other ports, a first start ever (nothing unpacked anywhere, no PostgreSQL in
        // the temporary directory) and the killed one's next start, which replaces what it left
        LauncherRun first = start("first", tmp);
        LauncherRun again = start(killed.root(), tmp);
        first.awaitRunning();
        again.awaitRunning();

        assertThat(partial).as("the killed start's leftover is gone").doesNotExist();
        for (LauncherRun run : List.of(first, again)) {
            assertThat(completeBinaries(run.root()))
                    .as("PostgreSQL unpacked under the project's .run/, complete")
                    .hasSize(1);
        }
        assertThat(unpackedUnder(tmp))
                .as("nothing unpacked in the temporary directory")
                .isEmpty();
    }

    private LauncherRun start(String name, Path tmp) throws IOException {
        Path root = scratch.resolve(name);
        for (String service : List.of("identity", "appeals")) {
            Path jar = ServiceCatalog.service(service).jarIn(root);
            Files.createDirectories(jar.getParent());
            Files.createSymbolicLink(jar, ServiceCatalog.service(service).jarIn(EndToEnd.ROOT));
        }
        return start(root, tmp);
    }

    private LauncherRun start(Path root, Path tmp) throws IOException {
        List<Integer> taken = runs.stream()
                .filter(LauncherRun::isAlive)
                .flatMap(run -> Stream.of(run.offset() + 9000, run.offset() + 8081, run.postgresPort()))
                .toList();
        int offset = freeOffset(taken);
        int postgresPort = Platform.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(runShJavaOptions());
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                LAUNCHER_JAR.toString(),
                "--root=" + root,
                "--only=identity,appeals",
                "--port-offset=" + offset,
                "--postgres-port=" + postgresPort));
        Path output = root.resolve("launcher-" + runs.size() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("TMPDIR", tmp.toString());
        // recording class data archives makes every stop slow; the first start is what is under test
        builder.environment().put("QINQING_CDS", "off");
        builder.environment().keySet().removeIf(key -> key.startsWith("QINQING_") && !key.equals("QINQING_CDS"));
        LauncherRun run = new LauncherRun(root, builder.start(), output, offset, postgresPort);
        runs.add(run);
        return run;
    }

    /** The launcher's JVM options exactly as {@code deploy/run.sh} gives them. */
    static List<String> runShJavaOptions() throws IOException {
        String script = Files.readString(EndToEnd.ROOT.resolve("deploy/run.sh"));
        Matcher options =
                Pattern.compile("(?m)^launcher_java_options=\\((.*)\\)$").matcher(script);
        assertThat(options.find())
                .as("deploy/run.sh names the launcher's JVM options")
                .isTrue();
        return Arrays.asList(options.group(1).trim().split("\\s+"));
    }

    private static int freeOffset(List<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = 1000 + ThreadLocalRandom.current().nextInt(500) * 40;
            int identity = 9000 + offset;
            int appeals = 8081 + offset;
            if (!taken.contains(identity) && !taken.contains(appeals) && isFree(identity) && isFree(appeals)) {
                return offset;
            }
        }
        throw new IllegalStateException("No free port offset");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> completeBinaries(Path root) throws IOException {
        Path binaries = root.resolve(".run/postgres-binaries");
        if (!Files.isDirectory(binaries)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(binaries)) {
            return children.filter(PostgresBinaries::isComplete).toList();
        }
    }

    private static List<Path> unpackedUnder(Path tmp) throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(path -> path.getFileName().toString().equals("postgres")
                            && path.getParent().getFileName().toString().equals("bin"))
                    .toList();
        }
    }

    /** One launcher process, its output in a file. */
    record LauncherRun(Path root, Process process, Path outputFile, int offset, int postgresPort) {

        boolean isAlive() {
            return process.isAlive();
        }

        String output() {
            try {
                return Files.readString(outputFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }

        void awaitRunning() throws InterruptedException {
            long deadline = System.nanoTime() + START.toNanos();
            while (System.nanoTime() < deadline) {
                String output = output();
                if (output.contains(RUNNING)) {
                    return;
                }
                if (!process.isAlive() || output.contains("FAILED")) {
                    break;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The launcher in " + root + " did not report '" + RUNNING + "' (alive: "
                    + process.isAlive() + "); it said:\n" + output() + logTails());
        }

        /** Waits until the launcher is writing PostgreSQL's files into a partial directory; returns that directory. */
        Path awaitPartialUnpack() throws InterruptedException, IOException {
            Path binaries = root.resolve(".run/postgres-binaries");
            long deadline = System.nanoTime() + START.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                Optional<Path> partial = Optional.empty();
                if (Files.isDirectory(binaries)) {
                    try (Stream<Path> children = Files.list(binaries)) {
                        partial = children.filter(
                                        path -> path.getFileName().toString().contains(".partial-"))
                                .filter(path -> Files.isDirectory(path.resolve("share")))
                                .findFirst();
                    }
                }
                if (partial.isPresent()) {
                    return partial.get();
                }
                Thread.sleep(5);
            }
            throw new AssertionError(
                    "The launcher in " + root + " never unpacked into .run/postgres-binaries; it said:\n" + output());
        }

        /** {@code kill -9}: no shutdown hook, nothing cleaned up. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        /** Ctrl-C's signal: the launcher stops the services, then PostgreSQL. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String logTails() {
            StringBuilder tails = new StringBuilder();
            Path logs = root.resolve(".run/logs");
            try (Stream<Path> files = Files.isDirectory(logs) ? Files.list(logs) : Stream.empty()) {
                for (Path log : files.toList()) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    tails.append("\n--- ").append(log.getFileName()).append(" (last 15 lines)\n");
                    lines.subList(Math.max(0, lines.size() - 15), lines.size())
                            .forEach(line -> tails.append(line).append('\n'));
                }
            } catch (IOException | RuntimeException e) {
                tails.append("\n(logs unreadable: ").append(e.getMessage()).append(')');
            }
            return tails.toString();
        }
    }
}
