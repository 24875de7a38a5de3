package cn.qinqing.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One service of the platform as a process: its name, its port on a developer's machine, where its executable jar is
 * built, and whether it trusts the identity provider's tokens (then it starts after identity is healthy and is told
 * the issuer).
 *
 * @param name the service's name, as in {@code --only=} and in the log file name
 * @param port its port when run with the README's command
 * @param jar the executable jar, relative to the project root
 * @param needsIdentity whether it validates tokens of (or signs users in through) the identity provider
 */
public record ServiceDefinition(String name, int port, String jar, boolean needsIdentity) {

    /** The name of the OpenID Connect provider, which every service that needs identity waits for. */
    public static final String IDENTITY = "identity";

    public Path jarIn(Path root) {
        return root.resolve(jar);
    }

    public boolean isBuiltIn(Path root) {
        return Files.isRegularFile(jarIn(root));
    }

    public boolean isIdentity() {
        return IDENTITY.equals(name);
    }
}
