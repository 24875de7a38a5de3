package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets come from the environment, never from the repository: no private key, no cloud or registry token, and no
 * password or secret written into a configuration file — except the demo password of the {@code local} profile
 * ({@code application-local.yml}, used only by the local run and the tests), which the README publishes.
 */
class NoSecretsInTheRepositoryTest {

    private static final Set<String> SKIPPED = Set.of(".git", "target", ".run", "node_modules", ".mvn");
    private static final List<Pattern> ANYWHERE = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}"),
            Pattern.compile("xox[baprs]-[A-Za-z0-9-]{10,}"));
    /**
     * A key ending in password, secret, api-key or token ({@code password: x}, {@code client-secret=x}) given a value
     * in configuration, unless the value is taken from the environment ({@code ${…}}) or is a switch ({@code
     * automountServiceAccountToken: false} names a token but holds none).
     */
    private static final Pattern CONFIGURED_SECRET = Pattern.compile(
            "(?i)^\\s*[\\w.-]*(password|secret|api-key|apikey|token)\\s*[:=]\\s*(?!\\$\\{)(?!\\s*$)(?!\\s*#)(?!\\s*(?:true|false)\\s*$).+");

    @Test
    void holdsNoPrivateKeyTokenOrConfiguredPasswordOutsideTheLocalDemoProfile() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EndToEnd.ROOT)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> {
                        for (Path part : EndToEnd.ROOT.relativize(file)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .forEach(file -> scan(file, found));
        }
        assertThat(found).isEmpty();
    }

    private static void scan(Path file, List<String> found) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException binary) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean configuration = name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties");
        boolean localDemo = name.startsWith("application-local.");
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Pattern pattern : ANYWHERE) {
                if (pattern.matcher(line).find() && !name.equals("NoSecretsInTheRepositoryTest.java")) {
                    found.add(EndToEnd.ROOT.relativize(file) + ":" + (i + 1));
                }
            }
            if (configuration
                    && !localDemo
                    && !name.startsWith("messages")
                    && CONFIGURED_SECRET.matcher(line).find()) {
                found.add(EndToEnd.ROOT.relativize(file) + ":" + (i + 1) + " " + line.trim());
            }
        }
    }
}
