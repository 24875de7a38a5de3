package cn.qinqing.assignment;

import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The assignment service on a random port against this JVM's PostgreSQL database, called over real HTTP with tokens
 * the resource server validates against a published key. All API tests share this one context and one directory,
 * which the admin sets up through the API the first time: the demo's departments, leaders and routing rules.
 *
 * <p>What other services would publish (an enterprise registered, an appeal filed, a deadline breached) is published
 * here as those events, with the metadata the platform gives them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AssignmentApiTestBase {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";
    public static final String ENTERPRISE_B = "91150200MA0QB0002M";
    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();
    private static volatile boolean directoryReady;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventGateway events;

    protected HttpApi api;
    protected final String admin = tokens.withRole("admin", "ADMIN");
    protected final String dispatcher = tokens.withRole("dispatcher", "DISPATCHER");
    protected final String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
    protected final String official = tokens.official("official", "industry-it");
    protected final String officialLand = tokens.official("official-land", "natural-resources");
    protected final String leader = tokens.withRole("leader", "LEADER");
    protected final String headIndustryIt = tokens.token("head-industry-it", "LEADER", null, "industry-it");
    protected final String enterpriseUser = tokens.enterprise("enterprise-a", ENTERPRISE_A);

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
        if (!directoryReady) {
            synchronized (AssignmentApiTestBase.class) {
                if (!directoryReady) {
                    setUpDirectory();
                    directoryReady = true;
                }
            }
        }
    }

    private void setUpDirectory() {
        create("/api/assignment/departments", Map.of("departmentId", "city", "name", "市委市政府"));
        Map<String, String> departments = new LinkedHashMap<>();
        departments.put("industry-it", "工业和信息化局");
        departments.put("admin-approval", "行政审批和政务服务局");
        departments.put("natural-resources", "自然资源局");
        departments.put("finance-office", "金融工作办公室");
        departments.put("human-resources", "人力资源和社会保障局");
        departments.put("transport", "交通运输局");
        departments.put("dev-reform", "发展和改革委员会");
        departments.put("business-environment", "营商环境局");
        awaitRead("/api/assignment/departments/city");
        departments.forEach((id, name) -> create(
                "/api/assignment/departments", Map.of("departmentId", id, "name", name, "parentDepartmentId", "city")));
        departments.keySet().forEach(id -> awaitRead("/api/assignment/departments/" + id));
        create(
                "/api/assignment/leaders",
                Map.of("leaderId", "mayor", "name", "周市长", "title", "市长", "rank", "MAYOR", "departmentId", "city"));
        awaitRead("/api/assignment/leaders/mayor");
        create(
                "/api/assignment/leaders",
                Map.of(
                        "leaderId",
                        "leader",
                        "name",
                        "吴副市长",
                        "title",
                        "副市长",
                        "rank",
                        "DEPUTY_MAYOR",
                        "superiorLeaderId",
                        "mayor"));
        awaitRead("/api/assignment/leaders/leader");
        create(
                "/api/assignment/leaders",
                Map.of(
                        "leaderId",
                        "head-industry-it",
                        "name",
                        "郑局长",
                        "title",
                        "工业和信息化局局长",
                        "rank",
                        "DEPARTMENT_HEAD",
                        "departmentId",
                        "industry-it",
                        "superiorLeaderId",
                        "leader"));
        awaitRead("/api/assignment/leaders/head-industry-it");
        create(
                "/api/assignment/enterprises/" + ENTERPRISE_A + "/liaison",
                Map.of("liaisonLeaderId", "leader", "keyEnterprise", true));
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("PERMITS", "admin-approval");
        routes.put("LAND", "natural-resources");
        routes.put("POWER", "industry-it");
        routes.put("FINANCE", "finance-office");
        routes.put("TALENT", "human-resources");
        routes.put("LOGISTICS", "transport");
        routes.put("MARKETS_AND_ORDERS", "industry-it");
        routes.forEach((category, department) ->
                create("/api/assignment/routing-rules", Map.of("category", category, "departmentId", department)));
        create("/api/assignment/routing-rules", Map.of("departmentId", "business-environment"));
        await().until(() -> api.get("/api/assignment/routing-rules")
                        .token(admin)
                        .send()
                        .json()
                        .size()
                >= 8);
        registerEnterprise(ENTERPRISE_A, "包头青山光伏材料有限公司", IndustryChainPosition.WAFER, "青山区");
        registerEnterprise(ENTERPRISE_B, "包头稀土高新硅业有限公司", IndustryChainPosition.POLYSILICON, "稀土高新区");
    }

    private void create(String path, Map<String, Object> body) {
        var response = api.post(path).token(admin).body(body).send();
        if (response.status() != 201 && response.status() != 409) {
            throw new AssertionError("could not create " + path + " " + body + ": " + response);
        }
    }

    private void awaitRead(String path) {
        await().until(() -> api.get(path).token(admin).send().status() == 200);
    }

    /** What the appeals service publishes when an enterprise registers; waits until this service knows it. */
    protected void registerEnterprise(String uscc, String name, IndustryChainPosition chain, String district) {
        publish(
                new EnterpriseRegisteredEvent(
                        uscc, name, chain, district, new Contact("王经理", "0472-5550101", null), Instant.now()),
                "admin",
                "ADMIN");
        await().until(() -> api.get("/api/assignment/enterprises/" + uscc)
                .token(admin)
                .send()
                .json()
                .path("name")
                .isTextual());
    }

    /** Publishes an event as another service would, with its actor in the metadata. */
    protected void publish(Object event, String actor, String role) {
        events.publish(GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of(MetadataKeys.ACTOR, actor, MetadataKeys.ROLE, role)));
    }

    protected static AppealFiledEvent filed(
            UUID appealId, String enterprise, AppealCategory category, Urgency urgency, boolean manualDispatch) {
        return new AppealFiledEvent(
                appealId,
                enterprise,
                "变电站增容审批",
                "新建切片车间需要增容 10 MVA，请协调供电公司。",
                category,
                urgency,
                List.of(),
                AppealSource.ONLINE,
                null,
                manualDispatch,
                Instant.now());
    }

    /** An appeal filed by enterprise A in the appeals service; returns once this service has an assignment for it. */
    protected UUID file(AppealCategory category) {
        return file(ENTERPRISE_A, category, Urgency.URGENT, false);
    }

    protected UUID file(String enterprise, AppealCategory category, Urgency urgency, boolean manualDispatch) {
        UUID appealId = UUID.randomUUID();
        publish(filed(appealId, enterprise, category, urgency, manualDispatch), "enterprise-a", "ENTERPRISE");
        awaitAssignment(appealId, assignment -> !"OPENED"
                .equals(assignment.path("status").asText()));
        return appealId;
    }

    /** The assignment as the dispatcher reads it, once it satisfies the condition. */
    protected JsonNode awaitAssignment(UUID appealId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            var response = api.get("/api/assignment/appeals/" + appealId)
                                    .token(dispatcher)
                                    .send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        assignment -> assignment != null && condition.test(assignment));
    }

    protected long version(UUID appealId) {
        return awaitAssignment(appealId, assignment -> true).get("version").asLong();
    }

    protected static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    /** Events of the appeal's assignment in the event store. */
    protected long assignmentEvents(UUID appealId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                cn.qinqing.language.Ids.derive("assignment", appealId.toString())
                        .toString());
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }
}
