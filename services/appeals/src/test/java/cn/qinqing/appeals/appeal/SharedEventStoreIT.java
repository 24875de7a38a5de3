package cn.qinqing.appeals.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.appeals.AppealsApplication;
import cn.qinqing.testsupport.HttpApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second instance of the service with processors and read models of its own (schema {@code appeals_peer}) shares
 * only the event store with the first: what either one commits, the other sees; stopped and started again, it still
 * has everything and catches up with what was filed while it was down.
 */
class SharedEventStoreIT extends AppealsApiTestBase {

    static ConfigurableApplicationContext startPeer() {
        return new SpringApplicationBuilder(AppealsApplication.class)
                .run("--server.port=0", "--qinqing.service.schema=appeals_peer", "--spring.main.banner-mode=off");
    }

    static HttpApi apiOf(ConfigurableApplicationContext context) {
        return HttpApi.local(
                ((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void twoInstancesSeeEachOthersEventsAndARestartedOneCatchesUp() {
        ConfigurableApplicationContext peer = startPeer();
        List<String> filedBeforeRestart = new ArrayList<>();
        try {
            HttpApi peerApi = apiOf(peer);
            String viaMain = api.post("/api/appeals")
                    .token(userA)
                    .body(appeal("主实例提交"))
                    .send()
                    .json()
                    .get("id")
                    .asText();
            var viaPeerResponse = peerApi.post("/api/appeals")
                    .token(userA)
                    .body(appeal("副实例提交"))
                    .send();
            assertThat(viaPeerResponse.status()).isEqualTo(201);
            String viaPeer = viaPeerResponse.json().get("id").asText();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> peerApi.get("/api/appeals/" + viaMain)
                                    .token(userA)
                                    .send()
                                    .status()
                            == 200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/appeals/" + viaPeer)
                                    .token(userA)
                                    .send()
                                    .status()
                            == 200);
            filedBeforeRestart.add(viaMain);
            filedBeforeRestart.add(viaPeer);
        } finally {
            peer.close();
        }

        List<String> filedWhileDown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filedWhileDown.add(api.post("/api/appeals")
                    .token(userA)
                    .body(appeal("副实例停机期间 " + i))
                    .send()
                    .json()
                    .get("id")
                    .asText());
        }

        ConfigurableApplicationContext restarted = startPeer();
        try {
            HttpApi restartedApi = apiOf(restarted);
            List<String> all = new ArrayList<>(filedBeforeRestart);
            all.addAll(filedWhileDown);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (String id : all) {
                    var read =
                            restartedApi.get("/api/appeals/" + id).token(userA).send();
                    assertThat(read.status()).as(id).isEqualTo(200);
                    assertThat(UUID.fromString(read.json().get("id").asText())).isEqualTo(UUID.fromString(id));
                }
            });
            long peerRows = jdbc.queryForObject("SELECT count(*) FROM appeals_peer.appeal_view", Long.class);
            long mainRows = jdbc.queryForObject("SELECT count(*) FROM appeals.appeal_view", Long.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject("SELECT count(*) FROM appeals_peer.appeal_view", Long.class)
                            .equals(jdbc.queryForObject("SELECT count(*) FROM appeals.appeal_view", Long.class)));
            assertThat(peerRows).isPositive();
            assertThat(mainRows).isPositive();
        } finally {
            restarted.close();
        }
    }
}
