package cn.qinqing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ScrapeAccessTest {

    @Test
    void byDefaultOnlyAScraperOnTheSameMachineReadsTheMetrics() {
        ScrapeAccess access = ScrapeAccess.from(ScrapeAccess.DEFAULT);

        assertThat(access.allows(from("127.0.0.1"))).isTrue();
        assertThat(access.allows(from("::1"))).isTrue();
        assertThat(access.allows(from("10.42.0.7"))).isFalse();
        assertThat(access.allows(from("192.168.1.20"))).isFalse();
    }

    @Test
    void theOperatorNamesTheScrapersNetwork() {
        ScrapeAccess access = ScrapeAccess.from("10.42.0.0/16, fd00::/8");

        assertThat(access.allows(from("10.42.3.9"))).isTrue();
        assertThat(access.allows(from("fd00::12"))).isTrue();
        assertThat(access.allows(from("10.43.0.1"))).isFalse();
        assertThat(access.allows(from("127.0.0.1"))).isFalse();
    }

    @Test
    void aPrefixThatIsNotAWholeByteIsHonoured() {
        ScrapeAccess access = ScrapeAccess.from("172.16.0.0/12");

        assertThat(access.allows(from("172.31.255.1"))).isTrue();
        assertThat(access.allows(from("172.32.0.1"))).isFalse();
    }

    @Test
    void aRequestThatCameThroughAProxyIsNeverAScrapeEvenFromAnAllowedAddress() {
        ScrapeAccess access = ScrapeAccess.from(ScrapeAccess.DEFAULT);
        MockHttpServletRequest forwarded = from("127.0.0.1");
        forwarded.addHeader("X-Forwarded-For", "203.0.113.9");
        MockHttpServletRequest rfc7239 = from("127.0.0.1");
        rfc7239.addHeader("Forwarded", "for=203.0.113.9");

        assertThat(access.allows(forwarded)).isFalse();
        assertThat(access.allows(rfc7239)).isFalse();
    }

    @Test
    void nowhereWhenNothingIsNamed() {
        assertThat(ScrapeAccess.from("").allows(from("127.0.0.1"))).isFalse();
    }

    @Test
    void aHostNameOrABadPrefixIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ScrapeAccess.from("prometheus.monitoring"))
                .hasMessageContaining("prometheus.monitoring");
        assertThatThrownBy(() -> ScrapeAccess.from("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        return request;
    }
}
