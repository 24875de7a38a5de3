package cn.qinqing.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI document a service serves at {@code /v3/api-docs}, as a test reads it: checks that it says what the API
 * really answers (so that a generated client works), and a copy in {@code target/openapi/<service>.json} for the lint
 * of the five documents ({@code deploy/openapi/lint.sh}).
 */
public final class OpenApiDocument {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String service;
    private final JsonNode json;

    private OpenApiDocument(String service, JsonNode json) {
        this.service = service;
        this.json = json;
    }

    /** The document the service on this port serves; also written to {@code target/openapi/<service>.json}. */
    public static OpenApiDocument served(int port, String service) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /v3/api-docs answered " + response.statusCode());
            }
            OpenApiDocument document = new OpenApiDocument(service, MAPPER.readTree(response.body()));
            document.writeTo(Path.of("target", "openapi", service + ".json"));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode json() {
        return json;
    }

    /** Writes the document, keys sorted and indented, so that copies of it diff line by line. */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pretty(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation, {@code "METHOD path"} → its object in the document. */
    public Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        json.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    /**
     * Fails unless every operation has a summary, declares a success status and its problem details (the {@code
     * Problem} schema as {@code application/problem+json}, 500 always, 400 with any input, 401 when a token is needed),
     * every 201 names its {@code Location}, every {@code If-Match} is required, and every request body has an example.
     */
    public OpenApiDocument assertSound() {
        List<String> problems = new ArrayList<>();
        JsonNode problem = json.at("/components/schemas/Problem");
        if (problem.isMissingNode()) {
            problems.add("no Problem schema under components/schemas");
        }
        operations().forEach((name, operation) -> {
            JsonNode responses = operation.path("responses");
            String summary = operation.path("summary").asText("");
            if (summary.isBlank() || summary.equals(name)) {
                problems.add(name + ": no summary (give it one in the service's openapi/operations.yml)");
            }
            if (!hasAny(responses, "2")) {
                problems.add(name + ": no success status");
            }
            if (!isProblem(responses.path("500"))) {
                problems.add(name + ": no 500 problem response");
            }
            boolean input = operation.path("parameters").size() > 0 || operation.has("requestBody");
            if (input && !isProblem(responses.path("400"))) {
                problems.add(name + ": takes input but declares no 400 problem response");
            }
            boolean secured =
                    !(operation.has("security") && operation.path("security").isEmpty());
            if (secured && !isProblem(responses.path("401"))) {
                problems.add(name + ": needs a token but declares no 401 problem response");
            }
            if (responses.has("201") && !responses.path("201").path("headers").has("Location")) {
                problems.add(name + ": 201 without a Location header");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if ("If-Match".equalsIgnoreCase(parameter.path("name").asText())
                        && !parameter.path("required").asBoolean()) {
                    problems.add(name + ": If-Match not required (the service answers 428 without it)");
                }
            }
            JsonNode body = operation.path("requestBody").path("content");
            body.fields().forEachRemaining(media -> {
                if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                    problems.add(name + ": no example of its " + media.getKey()
                            + " request body (give it one in the service's openapi/operations.yml)");
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("The " + service + " OpenAPI document does not say what the API answers:\n  "
                    + String.join("\n  ", problems));
        }
        return this;
    }

    /** Fails unless each named operation ({@code "POST /api/appeals"}) declares 201 with a Location and not 200. */
    public OpenApiDocument assertCreates(String... operations) {
        Map<String, JsonNode> all = operations();
        for (String name : operations) {
            JsonNode operation = all.get(name);
            if (operation == null) {
                throw new AssertionError(
                        "no operation " + name + " in the " + service + " document; it has " + all.keySet());
            }
            JsonNode responses = operation.path("responses");
            if (!responses.has("201") || responses.has("200")) {
                throw new AssertionError(
                        name + " creates: it must declare 201 (and not 200), but declares " + names(responses));
            }
            if (!responses.path("201").path("headers").has("Location")) {
                throw new AssertionError(name + " creates: its 201 must name the Location header");
            }
        }
        return this;
    }

    /** Fails unless the named operation declares each of these statuses. */
    public OpenApiDocument assertStatuses(String operation, String... statuses) {
        JsonNode responses =
                operations().getOrDefault(operation, MAPPER.nullNode()).path("responses");
        for (String status : statuses) {
            if (!responses.has(status)) {
                throw new AssertionError(operation + " must declare " + status + ", but declares " + names(responses));
            }
        }
        return this;
    }

    /**
     * Fails when the document differs from a committed copy (such as the one a client is generated from), after
     * writing the served one beside the build's output; with {@code -Dopenapi.refresh=true} rewrites the copy instead.
     */
    public void assertSameAs(Path committed) {
        if (Boolean.getBoolean("openapi.refresh")) {
            writeTo(committed);
            return;
        }
        JsonNode copy;
        try {
            copy = MAPPER.readTree(Files.readString(committed, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!copy.equals(json)) {
            throw new AssertionError("The " + service + " service's OpenAPI document drifted from " + committed
                    + " (first difference at " + firstDifference(copy, json, "") + ").\nIf the change is meant,"
                    + " refresh the copy: run this test with -Dopenapi.refresh=true (or copy target/openapi/"
                    + service + ".json over it) and commit it; the generated client follows.");
        }
    }

    private static String firstDifference(JsonNode expected, JsonNode actual, String at) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                if (e == null || a == null) {
                    return at + "/" + name + (e == null ? " (new)" : " (gone)");
                }
                if (!e.equals(a)) {
                    return firstDifference(e, a, at + "/" + name);
                }
            }
        }
        return at.isEmpty() ? "/" : at;
    }

    private static boolean hasAny(JsonNode responses, String prefix) {
        Iterator<String> names = responses.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean isProblem(JsonNode response) {
        if (response.has("$ref")) {
            String ref = response.path("$ref").asText();
            response = json.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1));
        }
        return response.path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asText()
                .equals("#/components/schemas/Problem");
    }

    private static List<String> names(JsonNode responses) {
        List<String> names = new ArrayList<>();
        responses.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String pretty(JsonNode json) throws IOException {
        Object sorted = MAPPER.treeToValue(json, Object.class);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sorted);
    }
}
