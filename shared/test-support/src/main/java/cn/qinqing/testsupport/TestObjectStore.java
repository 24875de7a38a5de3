package cn.qinqing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * A real S3 API server for the tests of services that keep documents: s3proxy with its filesystem backend, run from its
 * own jar as a process of this JVM (never a mock, never on the test classpath), started on first use and stopped with
 * the JVM. Its data lives under {@code target/object-store}, so {@link #restart()} shows that documents survive.
 *
 * <p>The jar is the one the module's build copies to {@code target/s3proxy/s3proxy.jar} (root pom, execution {@code
 * s3proxy}), or {@code -Dqinqing.s3proxy.jar=PATH}.
 */
public final class TestObjectStore {

    public static final String ACCESS_KEY = "qinqing-local";
    public static final String SECRET_KEY = "qinqing-local-secret";

    private static volatile TestObjectStore shared;

    private final Path data;
    private final int port;
    private Process process;

    private TestObjectStore(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** This JVM's object store, started on first use. */
    public static TestObjectStore get() {
        if (shared == null) {
            synchronized (TestObjectStore.class) {
                if (shared == null) {
                    TestObjectStore store = new TestObjectStore(
                            Path.of(
                                            "target",
                                            "object-store",
                                            Long.toString(
                                                    ProcessHandle.current().pid()))
                                    .toAbsolutePath(),
                            freePort());
                    store.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(store::stop, "test-object-store-stop"));
                    shared = store;
                }
            }
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path data() {
        return data;
    }

    /** Stops the server and starts it again on the same port and data, as after a machine's restart. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private synchronized void start() {
        try {
            Files.createDirectories(data.resolve("blobs"));
            Properties properties = new Properties();
            properties.setProperty("s3proxy.endpoint", endpoint().toString());
            properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            properties.setProperty("s3proxy.identity", ACCESS_KEY);
            properties.setProperty("s3proxy.credential", SECRET_KEY);
            properties.setProperty("jclouds.provider", "filesystem");
            properties.setProperty(
                    "jclouds.filesystem.basedir", data.resolve("blobs").toString());
            Path config = data.resolve("s3proxy.properties");
            try (var out = Files.newBufferedWriter(config)) {
                properties.store(out, "the tests' object store");
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            java.toString(),
                            "-Xmx128m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar().toString(),
                            "--properties",
                            config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            data.resolve("s3proxy.log").toFile()));
            builder.environment().put("LOG_LEVEL", "warn");
            process = builder.start();
            awaitPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort() {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "s3proxy exited with " + process.exitValue() + "; see " + data.resolve("s3proxy.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        throw new IllegalStateException("s3proxy did not listen on " + port + " within 60 s");
    }

    static Path jar() {
        String given = System.getProperty("qinqing.s3proxy.jar");
        if (given != null) {
            return Path.of(given);
        }
        Path copied = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (Files.exists(copied)) {
            return copied;
        }
        Path launcher =
                Path.of(System.getProperty("qinqing.root", "../.."), "deploy/launcher/target/s3proxy/s3proxy.jar");
        if (Files.exists(launcher)) {
            return launcher.toAbsolutePath();
        }
        throw new IllegalStateException("No s3proxy jar: build the module (it copies target/s3proxy/s3proxy.jar) or"
                + " give -Dqinqing.s3proxy.jar=PATH");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
