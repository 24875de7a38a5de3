package cn.qinqing.oversight;

import static org.awaitility.Awaitility.await;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The oversight service on a random port against this JVM's PostgreSQL database, called over real HTTP with tokens
 * the resource server validates against a published key. Events are appended to the shared event store as the other
 * services would publish them. All API tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OversightApiTestBase {

    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    protected HttpApi api;
    protected final String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
    protected final String admin = tokens.withRole("admin", "ADMIN");

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
    }

    /** A fresh scenario whose departments and leaders no other test uses. */
    protected Scenario scenario() {
        return new Scenario(eventStore, UUID.randomUUID().toString().substring(0, 8));
    }

    /** Waits until the oversight processors have handled everything in the event store. */
    protected void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var answer =
                            api.get("/api/oversight/admin/replay").token(admin).send();
                    return answer.status() == 200
                            && answer.json().get("freshness").get("caughtUp").asBoolean();
                });
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }
}
