package cn.qinqing.portal.service;

import java.time.Duration;
import java.util.function.Supplier;

/** Reading one's own writes: a write answers when its events are committed; the read models follow a moment later. */
public final class Versions {

    /** How long a page waits for the read model to show the user's own change. */
    public static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private Versions() {}

    /** If-Match for a version. */
    public static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Reads until {@code done} says the answer shows the write (or the wait is over: then the last answer, or the last
     * refusal). A 404 while waiting counts as "not yet".
     */
    public static <T> T awaitRead(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        while (true) {
            try {
                T value = read.get();
                if (done.test(value) || System.nanoTime() > deadline) {
                    return value;
                }
            } catch (ApiProblem problem) {
                if (!problem.isNotFound() || System.nanoTime() > deadline) {
                    throw problem;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read model", e);
            }
        }
    }
}
