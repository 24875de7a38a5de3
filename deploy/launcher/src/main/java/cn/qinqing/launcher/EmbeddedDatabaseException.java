package cn.qinqing.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The embedded PostgreSQL did not start: why in a sentence, what to do in another, and the log that holds the detail
 * (the stack trace is appended there, never printed at the person who ran the command).
 */
final class EmbeddedDatabaseException extends RuntimeException {

    private final String advice;
    private final Path log;

    EmbeddedDatabaseException(String why, String advice, Path log, Throwable cause) {
        super(why, cause);
        this.advice = advice;
        this.log = log;
    }

    /** What to do about it. */
    String advice() {
        return advice;
    }

    /** Where the detail is, or {@code null}. */
    Path log() {
        return log;
    }

    static EmbeddedDatabaseException explain(Throwable failure, Path binaries, Path data, int port, Path log) {
        if (failure instanceof EmbeddedDatabaseException known) {
            return known;
        }
        appendToLog(failure, log);
        Throwable cause = rootCause(failure);
        String detail = String.valueOf(cause.getMessage());
        String lower = (cause.getClass().getName() + " " + detail).toLowerCase(Locale.ROOT);
        if (failure instanceof OutOfMemoryError || cause instanceof OutOfMemoryError) {
            return new EmbeddedDatabaseException(
                    "The launcher ran out of memory while starting PostgreSQL.",
                    "Give it more: QINQING_LAUNCHER_JAVA_OPTS=-Xmx256m ./deploy/run.sh (and tell us: it should not).",
                    log,
                    failure);
        }
        if (lower.contains("no space left")) {
            return new EmbeddedDatabaseException(
                    "PostgreSQL could not be written to disk: no space left (" + detail + ").",
                    "Free some disk space where the project is (PostgreSQL needs about 100 MB), then start again.",
                    log,
                    failure);
        }
        if (lower.contains("accessdenied") || lower.contains("permission denied") || lower.contains("read-only")) {
            return new EmbeddedDatabaseException(
                    "PostgreSQL could not write where it keeps its files: " + detail + ".",
                    "Make " + binaries.getParent() + " writable by you (or run from a copy of the project you own).",
                    log,
                    failure);
        }
        if (lower.contains("could not lock")) {
            return new EmbeddedDatabaseException(
                    "Another PostgreSQL is using " + data + ".",
                    "Stop the other Qinqing (Ctrl-C in its terminal), or run this copy from another directory.",
                    log,
                    failure);
        }
        if (lower.contains("unsupportedoperation") || lower.contains("no postgresql binaries")) {
            return new EmbeddedDatabaseException(
                    "There is no embedded PostgreSQL for this machine (" + detail + ").",
                    "Use a PostgreSQL of your own: ./deploy/run.sh --database-url=jdbc:postgresql://HOST:5432/qinqing"
                            + " (or --no-embedded for one at 127.0.0.1:5432).",
                    log,
                    failure);
        }
        return new EmbeddedDatabaseException(
                "PostgreSQL did not start on port " + port + " with its data in " + data + ": " + detail,
                "Its own words are at the end of " + log + "; if the data directory is damaged or from another"
                        + " PostgreSQL version, move it away and start again (a new one is created), or use"
                        + " --database-url=JDBC_URL.",
                log,
                failure);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void appendToLog(Throwable failure, Path log) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            writer.println(Instant.now() + " the launcher could not start the embedded PostgreSQL:");
            failure.printStackTrace(writer);
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    trace.toString(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
