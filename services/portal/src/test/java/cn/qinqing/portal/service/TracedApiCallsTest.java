package cn.qinqing.portal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.qinqing.portal.Users;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With tracing on (its one property), a page's request and the API calls it makes are one trace with one correlation
 * id: the call to the appeals service (a stub HTTP server here) carries the W3C {@code traceparent} and the page's
 * {@code X-Correlation-Id}, and the portal's log line of that request carries the same ids.
 */
@SpringBootTest(
        properties = {
            "qinqing.portal.client-secret=test-secret",
            "qinqing.portal.issuer=http://localhost:9000",
            "management.tracing.enabled=true",
            // spans are made and propagated, but not sent anywhere
            "management.otlp.tracing.export.enabled=false"
        })
@AutoConfigureMockMvc
// Spring Boot's tests turn tracing off whatever the properties say, unless told
@AutoConfigureObservability(metrics = false)
class TracedApiCallsTest {

    /** The appeals API: records what each call carried and answers that it is down. */
    static final HttpServer APPEALS = start();

    static final List<Headers> CALLS = new CopyOnWriteArrayList<>();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OAuth2AuthorizedClientManager authorizedClients;

    private final List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
    private final Logger errorPages = (Logger) LoggerFactory.getLogger("cn.qinqing.portal.web.ErrorPages");
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the log context as it was when the line was written, not when the test reads it
            event.prepareForDeferredProcessing();
            logged.add(event);
        }
    };

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                CALLS.add(exchange.getRequestHeaders());
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void appeals(DynamicPropertyRegistry registry) {
        registry.add(
                "qinqing.portal.services.appeals",
                () -> "http://127.0.0.1:" + APPEALS.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        APPEALS.stop(0);
    }

    @BeforeEach
    void signedInAndListening() {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceClients.REGISTRATION_ID)
                .clientId("qinqing-portal")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://localhost:9000/oauth2/authorize")
                .tokenUri("http://localhost:9000/oauth2/token")
                .build();
        OAuth2AccessToken token = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                "token-of-enterprise-a",
                Instant.now(),
                Instant.now().plusSeconds(600));
        when(authorizedClients.authorize(any()))
                .thenReturn(new OAuth2AuthorizedClient(registration, "enterprise-a", token));
        CALLS.clear();
        appender.start();
        errorPages.addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        errorPages.detachAppender(appender);
        appender.stop();
    }

    @Test
    void thePagesCallToAnApiCarriesItsTraceAndCorrelationIdAndSoDoesItsLogLine() throws Exception {
        MvcResult page = mvc.perform(get("/enterprise/appeals").with(Users.enterpriseA()))
                .andExpect(status().isServiceUnavailable())
                .andReturn();

        String correlationId = page.getResponse().getHeader("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(CALLS).singleElement().satisfies(call -> {
            assertThat(call.getFirst("Authorization")).isEqualTo("Bearer token-of-enterprise-a");
            assertThat(call.getFirst("X-Correlation-Id")).isEqualTo(correlationId);
            assertThat(call.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        });
        String traceId = CALLS.get(0).getFirst("traceparent").split("-")[1];
        assertThat(logged)
                .filteredOn(event -> event.getFormattedMessage().startsWith("Service unavailable"))
                .singleElement()
                .satisfies(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry("correlationId", correlationId)
                        .containsEntry("traceId", traceId));
    }

    @Test
    void aCorrelationIdTheBrowserSentIsTheOneTheApiGets() throws Exception {
        mvc.perform(get("/enterprise/appeals").with(Users.enterpriseA()).header("X-Correlation-Id", "page-7"))
                .andExpect(status().isServiceUnavailable());

        assertThat(CALLS).singleElement().satisfies(call -> assertThat(call.getFirst("X-Correlation-Id"))
                .isEqualTo("page-7"));
        assertThat(logged).isNotEmpty().allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry("correlationId", "page-7"));
    }
}
