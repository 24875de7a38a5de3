package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The run command's machinery starts the real service jars as processes that work together, and stops them. */
class PlatformStartsIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void startsIdentityAndAppealsAsProcessesThatTrustOneIssuerAndStopsThemAll() throws Exception {
        List<RunningService> processes;
        try (Platform platform = EndToEnd.builder("identity", "appeals").start()) {
            RunningService identity = platform.service("identity");
            RunningService appeals = platform.service("appeals");
            processes = platform.services();
            assertThat(processes).extracting(RunningService::name).containsExactly("identity", "appeals");
            assertThat(identity.port()).isNotEqualTo(9000);

            HttpResponse<String> discovery = get(identity.url("/.well-known/openid-configuration"));
            assertThat(discovery.statusCode()).isEqualTo(200);
            String issuer = JsonPath.read(discovery.body(), "$.issuer");
            assertThat(issuer).isEqualTo(platform.issuer().toString()).isEqualTo("http://localhost:" + identity.port());
            String jwksUri = JsonPath.read(discovery.body(), "$.jwks_uri");
            HttpResponse<String> jwks = get(URI.create(jwksUri));
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<List<Object>>read(jwks.body(), "$.keys")).isNotEmpty();

            HttpResponse<String> health = get(appeals.url("/actuator/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
            assertThat(get(appeals.url("/api/appeals")).statusCode())
                    .as("appeals is a resource server: no token, no appeals")
                    .isEqualTo(401);
        }

        for (RunningService process : processes) {
            assertThat(process.isAlive()).as(process.name() + " stopped").isFalse();
            Assertions.assertThatThrownBy(() -> get(process.url("/actuator/health")))
                    .as(process.name() + " no longer answers")
                    .isInstanceOf(ConnectException.class);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
