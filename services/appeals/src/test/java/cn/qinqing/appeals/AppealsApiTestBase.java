package cn.qinqing.appeals;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The appeals service on a random port against this JVM's PostgreSQL database, called over real HTTP with tokens
 * the resource server validates against a published key. All API tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppealsApiTestBase {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";
    public static final String ENTERPRISE_B = "91150200MA0QB0002M";
    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected HttpApi api;
    protected final String userA = tokens.enterprise("user-a", ENTERPRISE_A);
    protected final String userB = tokens.enterprise("user-b", ENTERPRISE_B);
    protected final String admin = tokens.withRole("admin", "ADMIN");

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
        register(ENTERPRISE_A, "包头青山光伏材料有限公司");
        register(ENTERPRISE_B, "包头稀土高新硅业有限公司");
    }

    /** Registers an enterprise unless it is already; waits until the read model knows it. */
    protected void register(String uscc, String name) {
        var response = api.post("/api/appeals/enterprises")
                .token(admin)
                .body(enterprise(uscc, name))
                .send();
        if (response.status() != 201 && response.status() != 409) {
            throw new AssertionError("could not register " + uscc + ": " + response);
        }
        org.awaitility.Awaitility.await()
                .until(() -> api.get("/api/appeals/enterprises/" + uscc)
                                .token(admin)
                                .send()
                                .status()
                        == 200);
    }

    protected static Map<String, Object> enterprise(String uscc, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("uscc", uscc);
        body.put("chainPosition", "WAFER");
        body.put("district", "青山区");
        body.put("contact", Map.of("name", "王经理", "phone", "0472-5550101", "email", "a@example.cn"));
        return body;
    }

    protected static Map<String, Object> appeal(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "新建切片车间需要增容 10 MVA，请协调供电公司。");
        body.put("category", "POWER");
        body.put("urgency", "URGENT");
        return body;
    }

    /** Files an appeal as enterprise A and waits until it can be read back. */
    protected UUID fileAndWait(String token, String title) {
        var filed = api.post("/api/appeals").token(token).body(appeal(title)).send();
        if (filed.status() != 201) {
            throw new AssertionError("filing failed: " + filed);
        }
        UUID id = UUID.fromString(filed.json().get("id").asText());
        awaitVersion(token, id, 0);
        return id;
    }

    protected void awaitVersion(String token, UUID id, long version) {
        org.awaitility.Awaitility.await().until(() -> {
            var read = api.get("/api/appeals/" + id).token(token).send();
            return read.status() == 200 && read.json().get("version").asLong() >= version;
        });
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }
}
