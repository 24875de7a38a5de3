package cn.qinqing.resolution;

import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The resolution service on a random port against this JVM's PostgreSQL database, called over real HTTP with tokens
 * the resource server validates. Appeals reach it as the other services publish them: events appended to the shared
 * store. All API tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ResolutionApiTestBase {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";
    public static final String DEPARTMENT = "industry-it";
    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    protected HttpApi api;
    protected final String official = tokens.official("official", DEPARTMENT);
    protected final String officialLand = tokens.official("official-land", "natural-resources");
    protected final String head = tokens.token("head-industry-it", "LEADER", null, DEPARTMENT);
    protected final String leader = tokens.withRole("leader", "LEADER");
    protected final String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
    protected final String admin = tokens.withRole("admin", "ADMIN");
    protected final String enterprise = tokens.enterprise("user-a", ENTERPRISE_A);

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
    }

    /** Files an appeal and has the department sign for it, as the appeals and assignment services would. */
    protected UUID signedForAppeal(Urgency urgency, Instant signedAt) {
        return signedForAppeal(AppealCategory.POWER, urgency, signedAt);
    }

    /** As {@link #signedForAppeal(Urgency, Instant)}, of a category of the test's choosing (SLA tiers key on it). */
    protected UUID signedForAppeal(AppealCategory category, Urgency urgency, Instant signedAt) {
        UUID appealId = UUID.randomUUID();
        publish(
                "Appeal",
                appealId.toString(),
                0,
                new AppealFiledEvent(
                        appealId,
                        ENTERPRISE_A,
                        "变电站增容审批",
                        "新建切片车间需要增容 10 MVA",
                        category,
                        urgency,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        signedAt),
                "user-a",
                "ENTERPRISE");
        publish(
                "Assignment",
                "assignment-" + appealId,
                0,
                new AppealSignedForEvent(appealId, DEPARTMENT, "official", signedAt, true),
                "official",
                "OFFICIAL");
        await().until(() -> api.get("/api/resolution/case-files/" + appealId)
                        .token(official)
                        .send()
                        .status()
                == 200);
        return appealId;
    }

    protected void publish(String type, String aggregateId, long sequence, Object payload, String actor, String role) {
        eventStore.publish(new GenericDomainEventMessage<>(
                type, aggregateId, sequence, payload, Map.of(MetadataKeys.ACTOR, actor, MetadataKeys.ROLE, role)));
    }

    protected long version(UUID appealId) {
        return api.get("/api/resolution/case-files/" + appealId)
                .token(official)
                .send()
                .json()
                .get("version")
                .asLong();
    }

    protected void awaitVersion(UUID appealId, long version) {
        await().until(() -> version(appealId) >= version);
    }

    /** The payload types of the events of an aggregate, in order. */
    protected List<String> eventTypes(UUID aggregateId) {
        return jdbc.queryForList(
                "SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                String.class,
                aggregateId.toString());
    }

    protected static String etag(long version) {
        return "\"" + version + "\"";
    }
}
