package cn.qinqing.oversight.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The appeals service, started from its jar as another process, registers an enterprise and files an appeal through
 * its own API; the events it commits to the shared store reach this service's timeline, with who did it.
 */
class AcrossServicesIT extends OversightApiTestBase {

    static final String USCC = "91150200MA0QA0001T";

    @Test
    void anAppealFiledInTheAppealsServiceShowsOnTheOversightTimeline() {
        Path jar = ServiceProcess.root().resolve("services/appeals/target/qinqing-appeals.jar");
        assumeTrue(Files.isRegularFile(jar), "build services/appeals first: " + jar);
        try (ServiceProcess appeals = ServiceProcess.start(jar, "appeals")) {
            HttpApi appealsApi = appeals.api();
            String enterpriseUser = tokens.enterprise("enterprise-a", USCC);
            Map<String, Object> enterprise = new LinkedHashMap<>();
            enterprise.put("name", "包头青山光伏材料有限公司");
            enterprise.put("uscc", USCC);
            enterprise.put("chainPosition", "WAFER");
            enterprise.put("district", "青山区");
            enterprise.put("contact", Map.of("name", "王经理", "phone", "0472-5550101", "email", "a@example.cn"));
            var registered = appealsApi
                    .post("/api/appeals/enterprises")
                    .token(enterpriseUser)
                    .body(enterprise)
                    .send();
            assertThat(registered.status()).as(registered.toString()).isIn(201, 409);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> appealsApi
                                    .get("/api/appeals/enterprises/" + USCC)
                                    .token(enterpriseUser)
                                    .send()
                                    .status()
                            == 200);

            var filed = appealsApi
                    .post("/api/appeals")
                    .token(enterpriseUser)
                    .body(Map.of(
                            "title", "跨进程：切片车间增容",
                            "description", "新建切片车间需要增容 10 MVA，请协调供电公司。",
                            "category", "POWER",
                            "urgency", "URGENT"))
                    .send();
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            UUID id = UUID.fromString(filed.json().get("id").asText());

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("/api/oversight/appeals/" + id + "/timeline")
                                    .token(supervisor)
                                    .send()
                                    .status()
                            == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> enterpriseName(id) != null);
            JsonNode timeline = api.get("/api/oversight/appeals/" + id + "/timeline")
                    .token(supervisor)
                    .send()
                    .json();
            JsonNode filing = timeline.get("steps").get(0);
            assertThat(filing.get("type").asText()).isEqualTo("FILED");
            assertThat(filing.get("actor").asText()).isEqualTo("enterprise-a");
            assertThat(filing.get("role").asText()).isEqualTo("ENTERPRISE");
            assertThat(filing.get("correlationId").asText()).isNotBlank();
            assertThat(timeline.get("appeal").get("title").asText()).isEqualTo("跨进程：切片车间增容");
            assertThat(enterpriseName(id)).isEqualTo("包头青山光伏材料有限公司");
            assertThat(appeals.isAlive()).isTrue();
        }
    }

    private String enterpriseName(UUID id) {
        JsonNode name = api.get("/api/oversight/appeals/" + id + "/timeline")
                .token(supervisor)
                .send()
                .json()
                .get("appeal")
                .get("enterpriseName");
        return name == null || name.isNull() || name.asText().equals(USCC) ? null : name.asText();
    }
}
