package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo logins the run command prints are the accounts identity's local profile creates, and they include everyone
 * the README's walk-through in the browser signs in as.
 */
class DemoLoginsTest {

    private static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();

    @Test
    void theRunCommandNamesEveryoneTheWalkThroughSignsInAs() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String walkThrough =
                readme.substring(readme.indexOf("## Use it in the browser"), readme.indexOf("## Demo accounts"));
        Set<String> accounts = demoAccounts();
        Set<String> signingIn = new LinkedHashSet<>();
        Matcher quoted = Pattern.compile("`([a-z-]+)`").matcher(walkThrough);
        while (quoted.find()) {
            if (accounts.contains(quoted.group(1))) {
                signingIn.add(quoted.group(1));
            }
        }

        assertThat(signingIn).contains("enterprise-a", "official", "head-industry-it", "leader", "supervisor");
        assertThat(Launcher.DEMO_USERS).containsAll(signingIn);
        assertThat(readme).contains("demo logins (password qinqing-demo): " + String.join(", ", Launcher.DEMO_USERS));
    }

    @Test
    void everyDemoLoginExists() throws IOException {
        assertThat(demoAccounts()).containsAll(Launcher.DEMO_USERS);
    }

    private static Set<String> demoAccounts() throws IOException {
        String local = Files.readString(ROOT.resolve("services/identity/src/main/resources/application-local.yml"));
        Set<String> users = new LinkedHashSet<>();
        Matcher username = Pattern.compile("(?m)^\\s*- username: (\\S+)$").matcher(local);
        while (username.find()) {
            users.add(username.group(1));
        }
        return users;
    }
}
