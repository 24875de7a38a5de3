package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {

    @Test
    void eachServicesUsualPortSpreadsOverItsReadyInstances() {
        Map<String, Integer> frontends = new LinkedHashMap<>();
        frontends.put("portal", 8080);
        frontends.put("identity", 9000);

        String cfg = LoadBalancer.configuration(
                frontends, Map.of("portal", List.of(41001, 41002), "identity", List.of(42001, 42002)));

        assertThat(cfg)
                .contains("frontend portal\n  bind :8080\n  default_backend portal")
                .contains("server portal-1 127.0.0.1:41001 check\n  server portal-2 127.0.0.1:41002 check")
                .contains("server identity-2 127.0.0.1:42002 check")
                .contains("option httpchk GET /actuator/health/readiness")
                // a request whose instance died before answering goes to the other one
                .contains("retry-on conn-failure empty-response")
                .contains("option redispatch");
        assertThat(cfg.indexOf("frontend portal")).isLessThan(cfg.indexOf("frontend identity"));
    }
}
