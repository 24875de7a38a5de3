package cn.qinqing.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.testsupport.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The facade answers in the shapes of the GeoReport v2 specification's example documents (test resources
 * open311/spec), in JSON and XML, over the same appeals the appeals API serves; what it refuses comes in GeoReport's
 * error shape and stores nothing.
 */
class Open311SpecificationIT extends AppealsApiTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStore eventStore;

    @Test
    void servicesDefinitionsAndDiscoveryHaveTheSpecificationsShapes() throws Exception {
        JsonNode services =
                ok("/open311/v2/services.json?jurisdiction_id=baotou.gov.cn").json();
        assertThat(services.findValuesAsText("service_code")).contains("POWER", "PERMITS", "MARKETS_AND_ORDERS");
        assertThat(services.get(0).get("metadata").asBoolean()).isTrue();
        assertShape("services", "json", ok("/open311/v2/services.json").text());
        assertShape("services", "xml", ok("/open311/v2/services.xml").text());

        JsonNode definition = ok("/open311/v2/services/POWER.json").json();
        assertThat(definition.get("attributes").findValuesAsText("code")).containsExactly("TITLE", "URGENCY");
        assertThat(definition.get("attributes").get(1).get("values").findValuesAsText("key"))
                .containsExactlyInAnyOrder("NORMAL", "URGENT", "EMERGENCY");
        assertShape("service_definition", "json", definition.toString());
        assertShape(
                "service_definition",
                "xml",
                ok("/open311/v2/services/POWER.xml").text());

        assertShape("discovery", "json", ok("/open311/v2/discovery.json").text());
        String discovery = ok("/open311/v2/discovery.xml").text();
        assertShape("discovery", "xml", discovery);
        assertThat(discovery).contains("<url>http://127.0.0.1:" + port + "/open311/v2</url>");

        var unknown = api.get("/open311/v2/services/PUDDLES.xml").send();
        assertThat(unknown.status()).isEqualTo(404);
        assertShape("errors", "xml", unknown.text());
        assertThat(api.get("/open311/v2/services.json?jurisdiction_id=elsewhere.gov")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anEnterprisesKeyFilesARequestThatIsTheSameAppealAndOnlyItsKeySeesWhatIsPrivate() throws Exception {
        var posted =
                post("json", form(userA, "POWER", "URGENT", "开放接口：切片车间增容", "新建切片车间需要增容 10 MVA，联系人王经理 13800000000。"));
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        assertShape("post_request", "json", posted.text());
        UUID id = UUID.fromString(posted.json().get(0).get("service_request_id").asText());
        assertThat(posted.json().get(0).get("account_id").asText()).isEqualTo(ENTERPRISE_A);

        // one store: the appeals API shows the enterprise the very appeal, filed by its user through Open311
        awaitVersion(userA, id, 0);
        JsonNode appeal = api.get("/api/appeals/" + id).token(userA).send().json();
        assertThat(appeal.get("title").asText()).isEqualTo("开放接口：切片车间增容");
        assertThat(appeal.get("category").asText()).isEqualTo("POWER");
        assertThat(appeal.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(api.get("/api/appeals/" + id + "/timeline")
                        .token(userA)
                        .send()
                        .json()
                        .get(0)
                        .get("actor")
                        .asText())
                .as("the event says who acted: the key's user")
                .isEqualTo("user-a");

        // the public sees what a city publishes: category, status, dates, department; never the enterprise's text
        String anonymous = ok("/open311/v2/requests/" + id + ".json").text();
        JsonNode request = JSON.readTree(anonymous).get(0);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("service_code").asText()).isEqualTo("POWER");
        assertThat(request.get("requested_datetime").asText()).endsWith("+08:00");
        assertThat(anonymous)
                .doesNotContain("切片车间")
                .doesNotContain("13800000000")
                .doesNotContain(ENTERPRISE_A)
                .doesNotContain("user-a");
        assertShape("requests", "json", anonymous);
        assertShape("requests", "xml", ok("/open311/v2/requests/" + id + ".xml").text());

        // the owner's key sees its own request in full, another enterprise's key only the public view
        String own = ok("/open311/v2/requests/" + id + ".json?api_key=" + userA).text();
        assertThat(own).contains("13800000000").contains("已受理");
        assertThat(ok("/open311/v2/requests/" + id + ".json?api_key=" + userB).text())
                .doesNotContain("13800000000");
        assertThat(ok("/open311/v2/requests.json?api_key=" + userB).json().findValuesAsText("service_request_id"))
                .doesNotContain(id.toString());
        assertThat(ok("/open311/v2/requests.json?api_key=" + userA).json().findValuesAsText("service_request_id"))
                .contains(id.toString());

        // a client written for asynchronous servers turns the token into the id
        String token = posted.json().get(0).get("token").asText();
        assertShape("tokens", "xml", ok("/open311/v2/tokens/" + token + ".xml").text());
        assertThat(ok("/open311/v2/tokens/" + token + ".json")
                        .json()
                        .get(0)
                        .get("service_request_id")
                        .asText())
                .isEqualTo(id.toString());
        assertThat(api.get("/open311/v2/tokens/" + UUID.randomUUID() + ".json")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theFiltersOfTheSpecificationSelectAndTheAnswerIsPublishedWhenItStands() throws Exception {
        UUID power = fileAndWait(userA, "开放接口筛选：用电");
        var filed = post("json", form(userB, "LAND", "NORMAL", "开放接口筛选：用地", "厂区用地指标。"));
        UUID land =
                UUID.fromString(filed.json().get(0).get("service_request_id").asText());
        awaitVersion(userB, land, 0);

        publish(
                power,
                new ResolutionSubmittedEvent(
                        power,
                        "industry-it",
                        "official-zhang",
                        1,
                        "已协调供电公司完成增容",
                        Outcome.SOLVED,
                        null,
                        null,
                        Instant.now(),
                        true));
        await().until(() -> api.get("/api/appeals/" + power)
                .token(userA)
                .send()
                .json()
                .get("status")
                .asText()
                .equals("ANSWERED"));

        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String window = "&start_date=" + today + "T00:00:00%2B08:00&end_date=" + today + "T23:59:59%2B08:00";
        JsonNode closed = ok("/open311/v2/requests.json?status=closed&service_code=POWER" + window)
                .json();
        assertThat(closed.findValuesAsText("service_request_id"))
                .contains(power.toString())
                .doesNotContain(land.toString());
        JsonNode answered = find(closed, power);
        assertThat(answered.get("status").asText()).isEqualTo("closed");
        assertThat(answered.get("status_notes").asText()).contains("SOLVED").contains("已协调供电公司完成增容");

        JsonNode open = ok("/open311/v2/requests.json?status=open&service_code=LAND,POWER" + window)
                .json();
        assertThat(open.findValuesAsText("service_request_id"))
                .contains(land.toString())
                .doesNotContain(power.toString());
        assertThat(find(open, land).get("status_notes").isNull())
                .as("nothing published before the answer")
                .isTrue();

        JsonNode byId = ok("/open311/v2/requests.json?service_code=LAND&service_request_id=" + power + "," + land)
                .json();
        assertThat(byId.findValuesAsText("service_request_id"))
                .as("service_request_id overrides every other filter")
                .containsExactlyInAnyOrder(power.toString(), land.toString());
        assertThat(ok("/open311/v2/requests.json?end_date=2000-01-01T00:00:00Z").json())
                .isEmpty();
    }

    @Test
    void refusalsComeInGeoReportsShapeAndStoreNothing() throws Exception {
        long events = eventCount();
        assertError(post("json", form(userA, "PUDDLES", "URGENT", "题", "述")), 400, "json", "service_code PUDDLES");
        assertError(post("xml", form(userA, "PUDDLES", "URGENT", "题", "述")), 400, "xml", "service_code PUDDLES");
        Map<String, String> noTitle = form(userA, "POWER", "URGENT", "题", "述");
        noTitle.remove("attribute[TITLE]");
        assertError(post("json", noTitle), 400, "json", "attribute[TITLE] is required");
        Map<String, String> noUrgency = form(userA, "POWER", "URGENT", "题", "述");
        noUrgency.remove("attribute[URGENCY]");
        assertError(post("xml", noUrgency), 400, "xml", "attribute[URGENCY] is required");
        assertError(post("json", form(userA, "POWER", "SOMEDAY", "题", "述")), 400, "json", "attribute[URGENCY]");
        assertError(post("json", form(userA, "POWER", "URGENT", "题", " ")), 400, "json", "description is required");

        Map<String, String> noKey = form(userA, "POWER", "URGENT", "题", "述");
        noKey.remove("api_key");
        assertError(post("json", noKey), 403, "json", "api_key was not provided");
        assertError(post("xml", form("not-a-key", "POWER", "URGENT", "题", "述")), 403, "xml", "Invalid api_key");
        assertError(
                post("json", form(tokens.expired("user-a", "ENTERPRISE"), "POWER", "URGENT", "题", "述")),
                403,
                "json",
                "Invalid api_key");
        assertError(
                post("json", form(tokens.withRole("supervisor", "SUPERVISOR"), "POWER", "URGENT", "题", "述")),
                403,
                "json",
                "not a registered enterprise's");
        assertError(
                post("json", form(tokens.enterprise("stranger", "91150200MA0QC0003G"), "POWER", "URGENT", "题", "述")),
                403,
                "json",
                "not a registered enterprise's");

        assertError(api.get("/open311/v2/requests.json?start_date=yesterday").send(), 400, "json", "start_date");
        assertError(
                api.get("/open311/v2/requests.xml?end_date=2026-13-01T00:00:00Z")
                        .send(),
                400,
                "xml",
                "end_date");
        assertError(api.get("/open311/v2/requests.json?status=pending").send(), 400, "json", "status pending");
        assertError(api.get("/open311/v2/requests.json?service_code=PUDDLES").send(), 400, "json", "PUDDLES");
        assertError(api.get("/open311/v2/requests.json?api_key=not-a-key").send(), 403, "json", "Invalid api_key");
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
    }

    private HttpApi.Response ok(String path) {
        var response = api.get(path).send();
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response;
    }

    private HttpApi.Response post(String format, Map<String, String> form) {
        return api.post("/open311/v2/requests." + format)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))
                .send();
    }

    private static Map<String, String> form(String key, String code, String urgency, String title, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("jurisdiction_id", "baotou.gov.cn");
        form.put("service_code", code);
        form.put("attribute[TITLE]", title);
        form.put("attribute[URGENCY]", urgency);
        form.put("description", description);
        return form;
    }

    private static JsonNode find(JsonNode requests, UUID id) {
        for (JsonNode request : requests) {
            if (request.get("service_request_id").asText().equals(id.toString())) {
                return request;
            }
        }
        throw new AssertionError(id + " not in " + requests);
    }

    private void publish(UUID appeal, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(
                "CaseFile",
                Ids.derive("case-file", appeal.toString()).toString(),
                0,
                payload,
                Map.of(MetadataKeys.ACTOR, "official-zhang", MetadataKeys.ROLE, "OFFICIAL")));
    }

    private static void assertError(HttpApi.Response response, int status, String format, String says) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertShape("errors", format, response.text());
        assertThat(response.text()).contains(says);
        if (format.equals("json")) {
            assertThat(response.header("Content-Type")).startsWith("application/json");
            try {
                assertThat(JSON.readTree(response.text()).get(0).get("code").asInt())
                        .isEqualTo(status);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        } else {
            assertThat(response.header("Content-Type")).startsWith("text/xml");
            assertThat(response.text()).contains("<code>" + status + "</code>");
        }
    }

    /**
     * Every field (JSON) or element (XML) of {@code actual} appears where the specification's example of the same
     * document has it, and the document has the example's root.
     */
    static void assertShape(String document, String format, String actual) {
        Set<String> expected = paths(format, resource(document + "." + format));
        Set<String> paths = paths(format, actual);
        assertThat(paths)
                .as(document + "." + format + ": " + actual)
                .isNotEmpty()
                .isSubsetOf(expected);
        if (format.equals("xml")) {
            assertThat(actual).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
    }

    private static String resource(String name) {
        try (InputStream in = Open311SpecificationIT.class.getResourceAsStream("/open311/spec/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Set<String> paths(String format, String text) {
        Set<String> paths = new TreeSet<>();
        try {
            if (format.equals("json")) {
                json("", JSON.readTree(text), paths);
            } else {
                Element root = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                        .getDocumentElement();
                xml(root.getTagName(), root, paths);
            }
        } catch (Exception e) {
            throw new AssertionError("not well-formed " + format + ": " + text, e);
        }
        return paths;
    }

    private static void json(String path, JsonNode node, Set<String> paths) {
        if (node.isArray()) {
            node.forEach(item -> json(path + "[]", item, paths));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                paths.add(path + "." + field.getKey());
                json(path + "." + field.getKey(), field.getValue(), paths);
            });
        }
    }

    private static void xml(String path, Element element, Set<String> paths) {
        paths.add(path);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                xml(path + "/" + nested.getTagName(), nested, paths);
            }
        }
    }
}
