package cn.qinqing.appeals.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} answers a scraper on the operator's network (loopback here, the default) without a
 * token, and nobody else: not a request that came through a proxy, not another actuator endpoint.
 */
class MetricsEndpointIT extends AppealsApiTestBase {

    @Test
    void aScraperOnTheAllowedNetworkReadsEveryFigureTheOperatorWatches() {
        fileAndWait(userA, "指标：光伏车间用电");

        var scrape = api.get("/actuator/prometheus").send();

        assertThat(scrape.status()).isEqualTo(200);
        String metrics = scrape.text();
        assertThat(metrics)
                // HTTP with the route template, never the raw path (an appeal's id would make a series per appeal)
                .contains("http_server_requests_seconds_count{application=\"appeals\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/appeals/\\{id}\"")
                .doesNotContainPattern("uri=\"/api/appeals/[0-9a-f]{8}-")
                // every processing group: lag in events and in time, dead letters
                .containsPattern("qinqing_processor_lag_events\\{[^}]*group=\"appeals-")
                .containsPattern("qinqing_processor_lag_seconds\\{[^}]*group=\"appeals-")
                .containsPattern("qinqing_dead_letters\\{[^}]*group=\"appeals-")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                // Axon's processor timers: count, sum and max, but no client-side percentiles (heap, R11)
                .containsPattern("eventProcessor_allTimer_seconds_count\\{")
                .doesNotContainPattern("eventProcessor_[a-zA-Z]+Timer_seconds\\{[^}]*quantile=")
                .containsPattern("commandBus_allTimer_seconds\\{[^}]*quantile=\"0.95\"");
    }

    @Test
    void aRequestThatCameThroughAProxyIsRefusedEvenFromTheAllowedNetwork() {
        var forwarded = api.get("/actuator/prometheus")
                .header("X-Forwarded-For", "203.0.113.9")
                .send();

        assertThat(forwarded.status()).isEqualTo(401);
        assertThat(forwarded.text()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void theOtherActuatorEndpointsStayRefused() {
        assertThat(api.get("/actuator/metrics").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus/extra").send().status()).isIn(401, 403, 404);
        assertThat(api.get("/actuator/env").send().status()).isEqualTo(401);
    }
}
