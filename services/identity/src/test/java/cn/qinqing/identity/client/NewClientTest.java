package cn.qinqing.identity.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewClientTest {

    private static final List<String> LOOPBACK = List.of("http://127.0.0.1:8765/callback");

    @Test
    void refusesToPromiseAPublicClientARefreshToken() {
        assertThatThrownBy(() -> new NewClient(
                        "cli",
                        null,
                        null,
                        List.of("authorization_code", "refresh_token"),
                        LOOPBACK,
                        null,
                        List.of("openid"),
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a public client gets no refresh token");
    }

    @Test
    void aConfidentialClientMayRefresh() {
        NewClient portal = new NewClient(
                "portal",
                null,
                "secret",
                List.of("authorization_code", "refresh_token"),
                LOOPBACK,
                null,
                List.of("openid"),
                null);

        assertThat(portal.grantTypes()).contains("refresh_token");
        assertThat(portal.isPublic()).isFalse();
    }
}
