package cn.qinqing.launcher.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.launcher.Platform;
import cn.qinqing.launcher.RunningService;
import cn.qinqing.launcher.browser.BrowserPlatform;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R9: every service appends to one event store, so an identifier copied from one kind of aggregate can be sent to the
 * commands of another. For every command endpoint of every API that takes an id in its path, as every demo user, an
 * id of each other kind of aggregate in the store (an appeal and a meeting created here, the assignment the rules open
 * for the appeal, the demo data's routing rules and meeting, whatever else earlier tests stored) must be answered
 * exactly as an unknown id is — 404 where the caller may call the endpoint — never with a 5xx or a 2xx; and nothing
 * may be stored: the event store's head and every table's row count are what they were.
 *
 * <p>The request is the same for the wrong-kind id and the unknown one: a body filled with plausible values from the
 * operation's schema (every field, enums' first value, future instants), {@code If-Match: "0"}, enterprise A's code
 * where a path takes an enterprise. No {@code Idempotency-Key}: the creates under an id (a topic, an action item, a
 * supervision notice) reserve a key before their command runs and keep it when the command fails, whatever the id.
 */
class WrongKindIdsIT {

    static final List<String> USERS = HostileRequestsIT.USERS;
    static final String ENTERPRISE_A = "91150200MA0QA0001T";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void anIdOfAnotherKindIsAnsweredLikeAnUnknownIdAndStoresNothing() throws Exception {
        Platform platform = BrowserPlatform.get().platform();
        OidcLogin identity = new OidcLogin(platform.issuer().toString());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : USERS) {
            tokens.put(user, identity.userToken(user, "qinqing-demo"));
        }
        createAnAppealAndAMeeting(platform, tokens);
        await().atMost(Duration.ofSeconds(60)).until(() -> AggregateIds.read(platform.database(), 1)
                .byType()
                .keySet()
                .containsAll(List.of("Appeal", "Assignment", "BreakfastMeeting", "RoutingRule")));

        List<Operation> commands = new ArrayList<>();
        for (RunningService service : platform.services()) {
            if (HostileRequestsIT.APIS.contains(service.name())) {
                for (Operation operation : Operation.read(service.name(), service.baseUrl())) {
                    if (operation.writes() && firstUuid(operation) != null) commands.add(operation);
                }
            }
        }
        commands.sort(Comparator.comparing(Operation::toString));
        assertThat(commands).as("command endpoints that take an id").hasSizeGreaterThan(20);

        PlatformState before = HostileRequestsIT.quiet(platform);
        AggregateIds existing = AggregateIds.read(platform.database(), 1);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> notFoundByOperation = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation operation : commands) {
            Map<String, String> others = existing.oneOfEachOtherType(AggregateIds.kindOf(operation));
            byte[] body = operation.body() == null ? null : JSON.writeValueAsBytes(plausible(operation.body(), 0));
            for (String user : USERS) {
                int unknown = send(operation, UUID.randomUUID().toString(), body, tokens.get(user));
                for (Map.Entry<String, String> other : others.entrySet()) {
                    int status = send(operation, other.getValue(), body, tokens.get(user));
                    sent++;
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 404) notFoundByOperation.merge(operation.toString(), 1, Integer::sum);
                    if (status >= 500 || status < 400 || status != unknown) {
                        failures.add(operation + " as " + user + ": the id of a " + other.getKey() + " → " + status
                                + ", an unknown id → " + unknown);
                    }
                }
            }
        }
        PlatformState after = HostileRequestsIT.quiet(platform);

        System.out.printf(
                "%n[R9] %d requests with ids of %s against %d command endpoints as %d users%n",
                sent, existing.byType().keySet(), commands.size(), USERS.size());
        System.out.println("[R9] statuses " + statuses);
        System.out.println("[R9] 404s by endpoint " + notFoundByOperation);
        failures.stream().limit(40).forEach(failure -> System.out.println("[R9]  " + failure));
        assertThat(failures).as("answers unlike an unknown id's").isEmpty();
        assertThat(before.differences(after))
                .as("what the wrong-kind ids changed")
                .isEmpty();
        assertThat(notFoundByOperation.keySet())
                .as("endpoints where the wrong-kind id reached the lookup and was not found")
                .hasSizeGreaterThan(commands.size() / 2);
    }

    /** An appeal filed by enterprise A (the demo rules then open its assignment) and a meeting hosted by the leader. */
    private void createAnAppealAndAMeeting(Platform platform, Map<String, String> tokens) throws Exception {
        URI appeals = platform.service("appeals").baseUrl().resolve("/api/appeals");
        int filed = post(
                appeals,
                tokens.get("enterprise-a"),
                Map.of(
                        "title", "R9 错类标识测试 wrong-kind ids",
                        "description", "10kV 专线已完工两个月仍未送电，请协调供电公司验收送电。",
                        "category", "POWER",
                        "urgency", "NORMAL"));
        assertThat(filed).as("filing").isEqualTo(201);
        Instant startsAt = Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.SECONDS);
        URI meetings = platform.service("meetings").baseUrl().resolve("/api/meetings");
        int scheduled = post(
                meetings,
                tokens.get("leader"),
                Map.of(
                        "theme", "R9 错类标识测试 wrong-kind ids",
                        "venue", "市政府第二会议室",
                        "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                        "capacity", 20,
                        "departmentIds", List.of("industry-it"),
                        "topicCutOffAt", startsAt.minus(Duration.ofDays(1)).toString()));
        assertThat(scheduled).as("scheduling").isEqualTo(201);
    }

    private int post(URI uri, String token, Map<String, Object> body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int send(Operation operation, String id, byte[] body, String token) throws Exception {
        String path = operation.path();
        String first = firstUuid(operation);
        for (Operation.Parameter parameter : operation.parameters()) {
            if (!parameter.in().equals("path")) continue;
            String value = parameter.name().equals(first)
                    ? id
                    : "uuid".equals(parameter.schema().path("format").asText())
                            ? UUID.randomUUID().toString()
                            : parameter.name().toLowerCase().contains("enterprise") ? ENTERPRISE_A : "x";
            path = path.replace("{" + parameter.name() + "}", value);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(operation.base().toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("If-Match", "\"0\"")
                .method(
                        operation.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) request.header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The name of the operation's first path parameter that is a UUID, or null. */
    private static String firstUuid(Operation operation) {
        return operation.parameters().stream()
                .filter(p -> p.in().equals("path")
                        && "uuid".equals(p.schema().path("format").asText()))
                .map(Operation.Parameter::name)
                .findFirst()
                .orElse(null);
    }

    /** A value the schema allows, as a user would fill it in: every field, so that only the id can be wrong. */
    private static JsonNode plausible(JsonNode schema, int depth) {
        if (schema.has("enum")) return schema.get("enum").get(0);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(
                                    field -> object.set(field.getKey(), plausible(field.getValue(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 5 && schema.path("minItems").asInt(0) > 0)
                    array.add(plausible(schema.path("items"), depth + 1));
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.textNode(
                        switch (schema.path("format").asText("")) {
                            case "uuid" -> UUID.randomUUID().toString();
                            case "date-time" ->
                                Instant.now()
                                        .plus(Duration.ofDays(7))
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString();
                            case "date" -> LocalDate.now().plusDays(7).toString();
                            default -> "R9 测试";
                        });
            }
        }
    }
}
