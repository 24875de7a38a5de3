package cn.qinqing.launcher;

import java.net.URI;
import java.nio.file.Path;

/**
 * A service process started by {@link Platform}.
 *
 * @param definition which service it is
 * @param port the port it listens on
 * @param log the file its standard output and error go to
 * @param process the operating-system process
 */
public record RunningService(ServiceDefinition definition, int port, Path log, Process process) {

    public String name() {
        return definition.name();
    }

    /** Where people and clients reach it: {@code http://localhost:<port>}. */
    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    /** An address on this service, such as {@code url("/api/appeals")}. */
    public URI url(String path) {
        return baseUrl().resolve(path);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }
}
