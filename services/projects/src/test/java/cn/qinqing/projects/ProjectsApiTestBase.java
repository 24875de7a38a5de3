package cn.qinqing.projects;

import static org.awaitility.Awaitility.await;

import cn.qinqing.language.project.MilestoneEscalatedEvent;
import cn.qinqing.language.project.MilestoneOverdueEvent;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projects service on a random port against this JVM's PostgreSQL database, called over real HTTP with tokens the
 * resource server validates against a published key. All API tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProjectsApiTestBase {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";
    public static final String ENTERPRISE_B = "91150200MA0QB0002M";
    protected static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();

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
    protected final String headOfFinance = tokens.token("head-finance", "LEADER", null, "finance-office");
    protected final String official = tokens.official("official", "industry-it");
    protected final String officialLand = tokens.official("official-land", "natural-resources");
    protected final String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
    protected final String dispatcher = tokens.withRole("dispatcher", "DISPATCHER");
    protected final String userA = tokens.enterprise("user-a", ENTERPRISE_A);
    protected final String userB = tokens.enterprise("user-b", ENTERPRISE_B);

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
    }

    protected static LocalDate today() {
        return LocalDate.now(CITY);
    }

    /**
     * The events in the store, the overdue and escalation clocks' left out: they fire on their own for the past-due
     * milestones a test project has, at any moment of a test that checks a refused request added nothing.
     */
    protected long eventCount() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type NOT IN (?, ?)",
                Long.class,
                MilestoneOverdueEvent.class.getName(),
                MilestoneEscalatedEvent.class.getName());
    }

    /**
     * A polysilicon project of enterprise B in industry-it with {@code leader} answerable, signed {@code signedAgo} days
     * ago, its milestones planned every {@code step} days after the signing, none reached.
     */
    protected static Map<String, Object> project(String name, int signedAgo, int step) {
        LocalDate signed = today().minusDays(signedAgo);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("enterpriseIds", List.of(ENTERPRISE_B));
        body.put("chainLink", "POLYSILICON");
        body.put("investmentCny", 8500000000L);
        body.put("capacity", Map.of("amount", 100000, "unit", "TONNES"));
        body.put("site", "包头稀土高新区希望工业园");
        body.put("leaderId", "leader");
        body.put("departmentId", "industry-it");
        body.put("signedOn", signed.toString());
        body.put(
                "milestones",
                List.of(
                        milestone("LAND_AND_PERMITS", signed.plusDays(step)),
                        milestone("CONSTRUCTION_STARTED", signed.plusDays(2L * step)),
                        milestone("EQUIPMENT_INSTALLED", signed.plusDays(3L * step)),
                        milestone("TRIAL_PRODUCTION", signed.plusDays(4L * step)),
                        milestone("COMMISSIONED", signed.plusDays(5L * step))));
        return body;
    }

    protected static Map<String, Object> milestone(String milestone, LocalDate plannedOn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("milestone", milestone);
        m.put("plannedOn", plannedOn.toString());
        return m;
    }

    protected UUID register(Map<String, Object> body) {
        var registered = api.post("/api/projects").token(official).body(body).send();
        if (registered.status() != 201) {
            throw new AssertionError("registering failed: " + registered);
        }
        UUID id = UUID.fromString(registered.json().get("id").asText());
        await().until(() ->
                api.get("/api/projects/" + id).token(official).send().status() == 200);
        return id;
    }
}
