package cn.qinqing.launcher.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.launcher.browser.BrowserPlatform;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One appeal's filing is one trace across services: with tracing switched on by its one property (the platform the
 * browser tests share has it on in every service, BrowserPlatform), the appeals service's request and command, the
 * assignment service's reaction to the filed event and the routing command it sends, and the oversight service's
 * projections all send their spans, under the trace id the client's {@code traceparent} began, to an OTLP receiver.
 */
class TraceAcrossServicesIT {

    @Test
    void aFilingIsOneTraceFromTheRequestToTheReactionsOfTheOtherServices() {
        BrowserPlatform shared = BrowserPlatform.get();
        assertThat(shared.runs("assignment") && shared.runs("oversight"))
                .as("assignment and oversight are built and run")
                .isTrue();
        var platform = shared.platform();
        String token = new OidcLogin(platform.issuer().toString()).userToken("enterprise-a", "qinqing-demo");
        // the client begins the trace (W3C traceparent): the filing's spans are found by it among every test's
        String trace = HexFormat.of().formatHex(randomBytes(16));
        var filed = new HttpApi(
                        "http://127.0.0.1:" + platform.service("appeals").port())
                .post("/api/appeals")
                .token(token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + trace + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .body(Map.of(
                        "title", "追踪：专线送电",
                        "description", "10kV 专线已完工两个月仍未送电。",
                        "category", "POWER",
                        "urgency", "URGENT"))
                .send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);

        // spans leave each service in batches (every 5 s by default)
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<OtlpReceiver.ReceivedSpan> ofTheFiling = shared.traces().spans().stream()
                            .filter(span -> span.traceId().equals(trace))
                            .toList();
                    Set<String> services = ofTheFiling.stream()
                            .map(OtlpReceiver.ReceivedSpan::service)
                            .collect(Collectors.toSet());
                    assertThat(services)
                            .as(ofTheFiling.toString())
                            .contains("qinqing-appeals", "qinqing-assignment", "qinqing-oversight");
                    // the request itself, its command, the reaction in assignment and the command it sent
                    assertThat(ofTheFiling)
                            .as(ofTheFiling.toString())
                            .anySatisfy(span -> assertThat(span.service() + " " + span.name())
                                    .startsWith("qinqing-appeals http post"))
                            .anySatisfy(span -> assertThat(span.service() + " " + span.name())
                                    .isEqualTo("qinqing-appeals command FileAppealCommand"))
                            .anySatisfy(span -> assertThat(span.service() + " " + span.name())
                                    .isEqualTo("qinqing-assignment event AppealFiledEvent"))
                            .anySatisfy(span -> assertThat(span.service() + " " + span.name())
                                    .startsWith("qinqing-assignment command"))
                            .anySatisfy(span -> assertThat(span.service() + " " + span.name())
                                    .isEqualTo("qinqing-oversight event AppealFiledEvent"));
                });
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
