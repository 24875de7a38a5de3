package cn.qinqing.launcher.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of a service's OpenAPI document, with its request body's schema resolved (no {@code $ref} left), as
 * the fuzzer needs it.
 *
 * @param service the service's name
 * @param base where the service listens
 * @param method the HTTP method, upper case
 * @param path the path template, such as {@code /api/appeals/{id}}
 * @param parameters path, query and header parameters
 * @param body the schema of the JSON body, or null when the operation takes none
 */
record Operation(String service, URI base, String method, String path, List<Parameter> parameters, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parameter; {@code schema} is its resolved JSON schema. */
    record Parameter(String name, String in, JsonNode schema) {}

    boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    @Override
    public String toString() {
        return service + " " + method + " " + path;
    }

    /** Every operation of the OpenAPI document the service serves at {@code /v3/api-docs}. */
    static List<Operation> read(String service, URI base) {
        JsonNode document = fetch(base.resolve("/v3/api-docs"));
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    JsonNode operation = entry.getValue();
                    List<Parameter> parameters = new ArrayList<>();
                    operation
                            .path("parameters")
                            .forEach(parameter -> parameters.add(new Parameter(
                                    parameter.path("name").asText(),
                                    parameter.path("in").asText(),
                                    resolve(document, parameter.path("schema"), 0))));
                    JsonNode content = operation.path("requestBody").path("content");
                    JsonNode body = null;
                    if (content.has("application/json")) {
                        body = resolve(
                                document, content.path("application/json").path("schema"), 0);
                    }
                    operations.add(new Operation(
                            service,
                            base,
                            entry.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            List.copyOf(parameters),
                            body));
                }));
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return JSON.createObjectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(document, document.path("components").path("schemas").path(name), depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        if (copy.has("items")) {
            copy.set("items", resolve(document, copy.get("items"), depth + 1));
        }
        if (copy.has("properties")) {
            ObjectNode properties = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields =
                    copy.get("properties").fields();
            while (fields.hasNext()) {
                var field = fields.next();
                properties.set(field.getKey(), resolve(document, field.getValue(), depth + 1));
            }
            copy.set("properties", properties);
        }
        if (copy.has("additionalProperties") && copy.get("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolve(document, copy.get("additionalProperties"), depth + 1));
        }
        return copy;
    }

    private static JsonNode fetch(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
