package cn.qinqing.launcher;

import java.nio.file.Path;

/** A service did not become healthy: says which one and where its log is. */
public class PlatformStartException extends RuntimeException {

    private final String service;
    private final Path log;

    public PlatformStartException(String service, Path log, String message) {
        super(message);
        this.service = service;
        this.log = log;
    }

    /** The service that failed, or {@code null} when none was to blame (the start was interrupted). */
    public String service() {
        return service;
    }

    /** Its log file, or {@code null}. */
    public Path log() {
        return log;
    }
}
