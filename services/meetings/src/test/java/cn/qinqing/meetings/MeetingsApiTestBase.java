package cn.qinqing.meetings;

import static org.awaitility.Awaitility.await;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
 * The meetings service on a random port against this JVM's PostgreSQL database, called over real HTTP with tokens
 * the resource server validates against a published key. What other services would publish (enterprises registered,
 * appeals filed, dispatched, closed) is appended to the shared event store as they would append it. All API tests
 * share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MeetingsApiTestBase {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";
    public static final String ENTERPRISE_B = "91150200MA0QB0002M";
    /** A third enterprise, at the cell position of the chain. */
    public static final String ENTERPRISE_C = valid("91150200MA0QC0003");

    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();
    private static volatile boolean registered;

    static {
        // read models follow in well under a second; a shared CI machine under load may take longer
        org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    protected HttpApi api;
    protected final String leader = tokens.withRole("leader", "LEADER");
    protected final String otherLeader = tokens.token("head-industry-it", "LEADER", null, "industry-it");
    protected final String admin = tokens.withRole("admin", "ADMIN");
    protected final String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
    protected final String userA = tokens.enterprise("user-a", ENTERPRISE_A);
    protected final String userB = tokens.enterprise("user-b", ENTERPRISE_B);
    protected final String userC = tokens.enterprise("user-c", ENTERPRISE_C);

    protected static String valid(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
        if (!registered) {
            registerEnterprise(ENTERPRISE_A, "包头青山光伏材料有限公司", IndustryChainPosition.WAFER);
            registerEnterprise(ENTERPRISE_B, "包头稀土高新硅业有限公司", IndustryChainPosition.POLYSILICON);
            registerEnterprise(ENTERPRISE_C, "包头九原电池片有限公司", IndustryChainPosition.CELL);
            await().until(() -> jdbc.queryForObject("SELECT count(*) FROM enterprise_directory", Long.class) >= 3);
            registered = true;
        }
    }

    private void registerEnterprise(String uscc, String name, IndustryChainPosition position) {
        append(
                "Enterprise",
                uscc,
                0,
                new EnterpriseRegisteredEvent(
                        uscc, name, position, "青山区", new Contact("王经理", "0472-5550101", null), Instant.now()));
    }

    /** Appends an event as another service's aggregate would. */
    protected void append(String aggregateType, String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }

    /** A meeting hosted by {@code leader}, starting after {@code startIn}, taking topics until {@code cutOffIn}. */
    protected static Map<String, Object> meeting(Duration startIn, Duration cutOffIn, int capacity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("theme", "光伏产业链：硅片与电池片 (photovoltaic chain: wafers and cells)");
        body.put("venue", "市政府第一会议室");
        body.put("startsAt", now.plus(startIn).toString());
        body.put("endsAt", now.plus(startIn).plus(Duration.ofMinutes(90)).toString());
        body.put("capacity", capacity);
        body.put("departmentIds", List.of("industry-it", "natural-resources"));
        body.put("topicCutOffAt", now.plus(cutOffIn).toString());
        return body;
    }

    protected UUID schedule(Map<String, Object> body) {
        var scheduled = api.post("/api/meetings").token(leader).body(body).send();
        if (scheduled.status() != 201) {
            throw new AssertionError("scheduling failed: " + scheduled);
        }
        UUID id = UUID.fromString(scheduled.json().get("id").asText());
        awaitVersion(id, 0);
        return id;
    }

    /** A meeting next week with room for ten. */
    protected UUID scheduleNextWeek() {
        return schedule(meeting(Duration.ofDays(7), Duration.ofDays(5), 10));
    }

    protected void awaitVersion(UUID id, long version) {
        await().until(() -> {
            var read = api.get("/api/meetings/" + id).token(leader).send();
            return read.status() == 200
                    && read.json().get("meeting").get("version").asLong() >= version;
        });
    }

    /** Invites enterprises by hand as the host; answers the meeting's new version. */
    protected long invite(UUID id, long version, String... enterprises) {
        var invited = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("enterpriseIds", List.of(enterprises)))
                .send();
        if (invited.status() != 200) {
            throw new AssertionError("inviting failed: " + invited);
        }
        return invited.json().get("version").asLong();
    }

    protected static long version(HttpApi.Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }
}
