package cn.qinqing.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The local object store behind the S3 API (ADR 0009): s3proxy with its filesystem backend, run from its own jar
 * ({@code deploy/launcher/target/s3proxy/s3proxy.jar}, copied there by the build) as a process beside the services, its
 * data in a folder ({@code .run/object-store} for the run command). The services reach it with the same S3 client they
 * use against the city's object store in production; only {@code qinqing.documents.endpoint} differs.
 */
public final class ObjectStoreServer implements AutoCloseable {

    /** The local account every service signs with (DocumentsProperties' defaults); local use only. */
    public static final String ACCESS_KEY = "qinqing-local";

    public static final String SECRET_KEY = "qinqing-local-secret";

    private final Path data;
    private final int port;
    private final Process process;

    private ObjectStoreServer(Path data, int port, Process process) {
        this.data = data;
        this.port = port;
        this.process = process;
    }

    /** The jar the build copied into the launcher module, or null if it is not built. */
    public static Path jar(Path root) {
        Path jar = root.resolve("deploy/launcher/target/s3proxy/s3proxy.jar");
        return Files.exists(jar) ? jar : null;
    }

    /** Starts s3proxy on {@code 127.0.0.1:port} with its data under {@code data}, and waits until it listens. */
    public static ObjectStoreServer start(Path jar, Path data, int port, Path log) {
        try {
            Files.createDirectories(data.resolve("blobs"));
            Files.createDirectories(log.getParent());
            Properties properties = new Properties();
            properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            properties.setProperty("s3proxy.identity", ACCESS_KEY);
            properties.setProperty("s3proxy.credential", SECRET_KEY);
            properties.setProperty("jclouds.provider", "filesystem");
            properties.setProperty(
                    "jclouds.filesystem.basedir", data.resolve("blobs").toString());
            Path config = data.resolve("s3proxy.properties");
            try (var out = Files.newBufferedWriter(config)) {
                properties.store(out, "the local object store of ./deploy/run.sh");
            }
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            java,
                            "-Xmx128m",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-jar",
                            jar.toString(),
                            "--properties",
                            config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("LOG_LEVEL", "warn");
            Process process = builder.start();
            ObjectStoreServer server = new ObjectStoreServer(data, port, process);
            server.awaitListening(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path data() {
        return data;
    }

    public long pid() {
        return process.pid();
    }

    /** The argument that points a service at this store. */
    public String argument() {
        return "--qinqing.documents.endpoint=" + endpoint();
    }

    private void awaitListening(Path log) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the object store (s3proxy) exited with " + process.exitValue() + "; see " + log);
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
        close();
        throw new IllegalStateException("the object store (s3proxy) did not listen on " + port + " within 60 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
