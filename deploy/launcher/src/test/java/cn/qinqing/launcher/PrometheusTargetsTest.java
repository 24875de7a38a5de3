package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes every service the run command starts: the shipped {@code deploy/prometheus/targets/local.json}
 * names each port of the catalogue, and {@code ./deploy/prometheus.sh}, which reads its list from that file, moves all
 * of them by the run command's {@code --port-offset}.
 */
class PrometheusTargetsTest {

    private static final Path ROOT = Path.of(System.getProperty("qinqing.root", "../.."))
            .toAbsolutePath()
            .normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedTargetsAreEveryServiceOfTheCatalogue() throws IOException {
        JsonNode shipped = JSON.readTree(
                ROOT.resolve("deploy/prometheus/targets/local.json").toFile());

        assertThat(targets(shipped)).containsExactlyInAnyOrderElementsOf(addresses(0));
    }

    @Test
    void theScriptScrapesEveryServiceMovedByThePortOffset() throws IOException, InterruptedException {
        Process script = new ProcessBuilder(
                        "bash", ROOT.resolve("deploy/prometheus.sh").toString(), "--port-offset=700", "--print-targets")
                .redirectErrorStream(true)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(output).isZero();

        assertThat(targets(JSON.readTree(output))).containsExactlyInAnyOrderElementsOf(addresses(700));
    }

    private static List<String> addresses(int offset) {
        return ServiceCatalog.ALL.stream()
                .map(service -> "127.0.0.1:" + (service.port() + offset))
                .toList();
    }

    private static List<String> targets(JsonNode fileServiceDiscovery) {
        List<String> targets = new ArrayList<>();
        fileServiceDiscovery.forEach(group -> group.path("targets").forEach(target -> targets.add(target.asText())));
        return targets;
    }
}
