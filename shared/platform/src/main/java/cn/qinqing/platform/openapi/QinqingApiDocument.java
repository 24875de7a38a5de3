package cn.qinqing.platform.openapi;

import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import cn.qinqing.platform.web.FreshReads;
import cn.qinqing.platform.web.Problems;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every service's OpenAPI document say what its API really does, so that a client generated from it works:
 * the success statuses the handlers build (201 with {@code Location} for creates, 204, 202), the {@code ETag} they set,
 * the {@code If-Match} and {@code Idempotency-Key} headers they take, the problem details ({@code
 * application/problem+json}) every operation can answer with, who may call it (from the service's {@link
 * AuthorizationPolicy}), and a summary and an example request from the service's {@code openapi/operations.yml}.
 *
 * <p>{@link #HANDLER} extensions, put on each operation by the operation customizer of {@link
 * OpenApiAutoConfiguration}, carry what was read from the handler's code until this customizer, which runs once the
 * whole document is built, uses and removes them.
 */
class QinqingApiDocument implements OpenApiCustomizer {

    static final String HANDLER = "x-qinqing-handler";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String BEARER = "bearer";

    /** What the operation customizer learnt of one handler method. */
    record Handler(String controller, String method, HandlerFacts facts) {}

    /** An error answer every operation may give, with the problem's type code and title as the handlers set them. */
    record ErrorAnswer(String name, String code, String title, String description) {}

    static final Map<String, ErrorAnswer> ERRORS = errors();

    private final String service;
    private final List<AuthorizationPolicy> policies;
    private final OperationNotes notes;

    QinqingApiDocument(String service, List<AuthorizationPolicy> policies, OperationNotes notes) {
        this.service = service;
        this.policies = policies;
        this.notes = notes;
    }

    private static Map<String, ErrorAnswer> errors() {
        Map<String, ErrorAnswer> errors = new LinkedHashMap<>();
        errors.put(
                "400",
                new ErrorAnswer(
                        "BadRequest",
                        "invalid-request",
                        "Invalid request",
                        "The request is invalid: each refused field is named under `errors`. Nothing was changed."));
        errors.put(
                "401",
                new ErrorAnswer(
                        "Unauthorized",
                        "unauthenticated",
                        "Authentication required",
                        "No valid bearer token from the Qinqing identity provider."));
        errors.put(
                "403",
                new ErrorAnswer(
                        "Forbidden",
                        "forbidden",
                        "Forbidden",
                        "The caller's role may not do this, or not to this resource."));
        errors.put(
                "404",
                new ErrorAnswer(
                        "NotFound", "not-found", "Not found", "There is no such resource that the caller may see."));
        errors.put(
                "409",
                new ErrorAnswer(
                        "Conflict",
                        "stale-version",
                        "Version conflict",
                        "Not allowed now: the resource's state forbids it, it already exists, or (with `If-Match`)"
                                + " somebody changed it since the caller read it (`stale-version`: read it again and"
                                + " retry with its new `ETag`)."));
        errors.put(
                "413",
                new ErrorAnswer(
                        "ContentTooLarge",
                        "body-too-large",
                        "Request body too large",
                        "The request body is too large."));
        errors.put(
                "422",
                new ErrorAnswer(
                        "IdempotencyKeyReused",
                        "idempotency-key-reused",
                        "Idempotency-Key reused",
                        "This `Idempotency-Key` was used before with another request body."));
        errors.put(
                "428",
                new ErrorAnswer(
                        "PreconditionRequired",
                        "if-match-required",
                        "If-Match required",
                        "`If-Match` is required: send the `ETag` you read."));
        errors.put(
                "429",
                new ErrorAnswer(
                        "TooManyRequests",
                        "too-many-requests",
                        "Too many requests",
                        "Too many requests: retry after `Retry-After` seconds."));
        errors.put(
                "500",
                new ErrorAnswer(
                        "InternalError",
                        "internal",
                        "Internal error",
                        "Something went wrong on the server's side; nothing the caller sent was lost. Try again."));
        errors.put(
                "503",
                new ErrorAnswer(
                        "Busy",
                        "busy",
                        "Busy",
                        "Every database connection stayed busy: nothing was changed; retry after `Retry-After` seconds."));
        return errors;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info()
                .title("Qinqing " + service + " API")
                .version("v1")
                .description("The " + service + " service of Qinqing 亲清. Errors are RFC 9457 problem details"
                        + " (`application/problem+json`); creates accept an `Idempotency-Key`; changes take"
                        + " `If-Match` with the `ETag` read and answer 409 on a stale one."));
        openApi.servers(List.of(new Server().url("/").description("the service that serves this document")));
        components(openApi);
        openApi.security(List.of(new SecurityRequirement().addList(BEARER)));
        if (openApi.getPaths() == null) {
            openApi.setPaths(new io.swagger.v3.oas.models.Paths());
        }
        Map<String, Integer> methods = new LinkedHashMap<>();
        Map<String, Integer> qualified = new LinkedHashMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> handler(operation).ifPresent(handler -> {
                    methods.merge(handler.method(), 1, Integer::sum);
                    qualified.merge(handler.method() + handler.controller(), 1, Integer::sum);
                })));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Optional<Handler> handler = handler(operation);
            // the handler's name; with its controller's where two share it; with the path's format (kpis.csv) where
            // one handler answers two paths
            handler.ifPresent(h -> {
                String id = methods.get(h.method()) > 1 ? h.method() + h.controller() : h.method();
                if (qualified.get(h.method() + h.controller()) > 1 && path.matches(".*\\.[a-z]+$")) {
                    String format = path.substring(path.lastIndexOf('.') + 1);
                    id += Character.toUpperCase(format.charAt(0)) + format.substring(1);
                }
                operation.setOperationId(id);
            });
            if (operation.getExtensions() != null) {
                operation.getExtensions().remove(HANDLER);
                if (operation.getExtensions().isEmpty()) {
                    operation.setExtensions(null);
                }
            }
            describe(path, method, operation, handler.map(Handler::facts).orElse(null));
        }));
        dropUnused(openApi);
    }

    /** Only the shared responses and headers some operation refers to (an unused component is a lint warning). */
    private static void dropUnused(OpenAPI openApi) {
        java.util.Set<String> responses = new java.util.HashSet<>();
        java.util.Set<String> headers = new java.util.HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> {
                    if (response.get$ref() != null) {
                        responses.add(
                                response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                    }
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().stream()
                                .filter(header -> header.get$ref() != null)
                                .forEach(header -> headers.add(header.get$ref()
                                        .substring(header.get$ref().lastIndexOf('/') + 1)));
                    }
                });
            }
        }));
        Components components = openApi.getComponents();
        components.getResponses().keySet().retainAll(responses);
        if (responses.contains(ERRORS.get("429").name())) {
            headers.add(HttpHeaders.RETRY_AFTER);
        }
        components.getHeaders().keySet().retainAll(headers);
        if (components.getHeaders().isEmpty()) {
            components.setHeaders(null);
        }
    }

    private static Optional<Handler> handler(Operation operation) {
        return Optional.ofNullable(operation.getExtensions())
                .map(extensions -> extensions.get(HANDLER))
                .filter(Handler.class::isInstance)
                .map(Handler.class::cast);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation, HandlerFacts facts) {
        Optional<OperationNotes.Note> note = notes.of(method.name(), path);
        String summary = note.map(OperationNotes.Note::summary).orElse(null);
        operation.setSummary(summary != null ? summary : fallbackSummary(method, path));
        Optional<EndpointRule> rule = rule(method, path);
        boolean secured = rule.map(r -> !r.isPublic()).orElse(true);
        List<String> description = new ArrayList<>();
        note.map(OperationNotes.Note::description).ifPresent(description::add);
        rule.filter(r -> !r.isPublic())
                .ifPresent(r -> description.add("Roles: "
                        + r.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + "."));
        if (!secured) {
            operation.setSecurity(List.of());
            description.add("Anyone may call this, without a token.");
        }
        if (!description.isEmpty()) {
            operation.setDescription(String.join("\n\n", description));
        }

        boolean idempotencyKey = false;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("header".equals(parameter.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
                    parameter.setRequired(facts == null || facts.ifMatchRequired() || parameter.getRequired());
                    parameter.setDescription("The `ETag` of the version the change is based on, as read. A stale one"
                            + " answers 409 (`stale-version`); none answers 428.");
                    parameter.setSchema(new StringSchema().pattern("^(W/)?\"?[0-9]{1,18}\"?$"));
                    parameter.setExample("\"0\"");
                } else if ("header".equals(parameter.getIn())
                        && IdempotencyKeys.HEADER.equalsIgnoreCase(parameter.getName())) {
                    idempotencyKey = true;
                    parameter.setDescription("Makes the create safe to retry: a retry with the same key and body"
                            + " answers the same resource (`Idempotent-Replayed: true`) instead of creating another.");
                    parameter.setSchema(
                            new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"));
                    parameter.setExample("6f1c2a7e-5b0d-4c1e-9a51-0d3e2b7c4f10");
                }
            }
        }
        note.map(OperationNotes.Note::requestSchema)
                .filter(schema -> operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null)
                .ifPresent(schema -> operation
                        .getRequestBody()
                        .getContent()
                        .values()
                        .forEach(media -> media.setSchema(Json.mapper().convertValue(schema, Schema.class))));
        note.map(OperationNotes.Note::example)
                .filter(example -> operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null)
                .ifPresent(example -> operation
                        .getRequestBody()
                        .getContent()
                        .forEach((type, media) ->
                                media.setExample(type.startsWith("multipart/") ? multipart(media, example) : example)));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        successes(responses, facts, idempotencyKey);
        boolean hasInput =
                (operation.getParameters() != null && !operation.getParameters().isEmpty())
                        || operation.getRequestBody() != null;
        error(responses, "400", hasInput);
        error(responses, "401", secured);
        error(responses, "403", secured);
        error(responses, "404", path.contains("{"));
        error(responses, "409", method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD);
        error(responses, "413", operation.getRequestBody() != null);
        error(responses, "422", idempotencyKey);
        error(responses, "428", facts != null && facts.ifMatchRequired());
        error(responses, "429", facts != null && facts.rateLimited());
        error(responses, "500", true);
        error(responses, "503", true);
    }

    /** Without a summary in operations.yml: the operation's method and path (which the service's tests refuse). */
    static String fallbackSummary(PathItem.HttpMethod method, String path) {
        return method.name() + " " + path;
    }

    /** The success responses the handler builds, with the headers it sets; springdoc only ever guesses 200. */
    private static void successes(ApiResponses responses, HandlerFacts facts, boolean idempotencyKey) {
        ApiResponse ok = responses.get("200");
        if (facts == null) {
            return;
        }
        List<Integer> statuses = new ArrayList<>(facts.successStatuses());
        if (statuses.isEmpty() || ok == null) {
            statuses = ok == null ? statuses : List.of(200);
        }
        if (ok == null) {
            ok = responses.values().stream()
                    .filter(r -> r != null)
                    .findFirst()
                    .orElse(new ApiResponse().description("OK"));
        }
        if (!statuses.contains(200)) {
            responses.remove("200");
        }
        for (int status : statuses) {
            ApiResponse response = responses.computeIfAbsent(Integer.toString(status), s -> new ApiResponse());
            if (status == 204) {
                response.setContent(null);
                response.setDescription("Done; nothing to answer.");
            } else {
                if (response.getContent() == null) {
                    response.setContent(ok.getContent());
                }
                response.setDescription(
                        switch (status) {
                            case 201 -> "Created: `Location` names the new resource.";
                            case 202 -> "Accepted: the work goes on in the background.";
                            default -> "OK";
                        });
            }
            if (status == 201 && facts.location()) {
                response.addHeaderObject(HttpHeaders.LOCATION, ref("Location"));
            }
            if (facts.etag() && status != 204) {
                response.addHeaderObject(HttpHeaders.ETAG, ref("ETag"));
            }
            for (String header : facts.headers()) {
                if (!header.equals(IdempotentCreates.REPLAYED) || idempotencyKey) {
                    response.addHeaderObject(header, ref(header));
                }
            }
        }
    }

    private static Header ref(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static void error(ApiResponses responses, String status, boolean applies) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .$ref("#/components/responses/" + ERRORS.get(status).name()));
        }
    }

    private Optional<EndpointRule> rule(PathItem.HttpMethod method, String path) {
        for (AuthorizationPolicy policy : policies) {
            for (EndpointRule rule : policy.rules()) {
                if ((rule.method() == null || rule.method().equals(HttpMethod.valueOf(method.name())))
                        && PathPatternParser.defaultInstance
                                .parse(rule.pattern())
                                .matches(org.springframework.http.server.PathContainer.parsePath(path))) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    private static void components(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token of the Qinqing identity provider (OpenID Connect)."));
        components.addSchemas(
                "FieldError",
                new ObjectSchema()
                        .description("One refused field of a request, and why.")
                        .addProperty("field", new StringSchema().example("title"))
                        .addProperty("message", new StringSchema().example("must not be blank"))
                        .required(List.of("field", "message")));
        components.addSchemas(
                PROBLEM,
                new ObjectSchema()
                        .description("An RFC 9457 problem detail: every error a Qinqing API answers.")
                        .addProperty(
                                "type",
                                new StringSchema()
                                        .format("uri")
                                        .description("What kind of problem; the last segment is a stable code.")
                                        .example("https://qinqing.cn/problems/invalid-request"))
                        .addProperty("title", new StringSchema().example("Invalid request"))
                        .addProperty("status", new IntegerSchema().example(400))
                        .addProperty("detail", new StringSchema().example("title must not be blank"))
                        .addProperty(
                                "instance",
                                new StringSchema().format("uri-reference").example("/api/appeals"))
                        .addProperty(
                                "errors",
                                new ArraySchema()
                                        .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                                        .description("Each refused field (400 only)."))
                        .required(List.of("type", "title", "status")));
        ERRORS.forEach((status, answer) -> components.addResponses(
                answer.name(),
                new ApiResponse()
                        .description(answer.description())
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                                                .example(example(status))))));
        components.getResponses().get("TooManyRequests").addHeaderObject(HttpHeaders.RETRY_AFTER, ref("Retry-After"));
        components.addHeaders(
                "ETag",
                new Header()
                        .description("The version of the resource, for `If-Match` on the next change.")
                        .schema(new StringSchema().example("\"3\"")));
        components.addHeaders(
                "Location",
                new Header()
                        .description("Where the new resource is.")
                        .schema(new StringSchema().format("uri-reference")));
        components.addHeaders(
                IdempotentCreates.REPLAYED,
                new Header()
                        .description("`true` when this answers a retry of an earlier create with the same key.")
                        .schema(new StringSchema()._enum(List.of("true", "false"))));
        components.addHeaders(
                FreshReads.HEADER,
                new Header()
                        .description("How fresh the read is: events handled / head of the event store.")
                        .schema(new StringSchema().example("1042/1042")));
        components.addHeaders(
                "Retry-After",
                new Header().description("Seconds to wait before retrying.").schema(new IntegerSchema()));
    }

    private static Map<String, Object> example(String status) {
        ErrorAnswer answer = ERRORS.get(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problems.TYPE_BASE + answer.code());
        example.put("title", answer.title());
        example.put("status", Integer.parseInt(status));
        example.put("detail", answer.description().replace("`", ""));
        if (status.equals("400")) {
            example.put("detail", "title must not be blank");
            example.put("errors", List.of(Map.of("field", "title", "message", "must not be blank")));
        }
        return example;
    }

    static String stem(Class<?> controller) {
        String name = controller.getSimpleName();
        return name.endsWith("Controller") ? name.substring(0, name.length() - "Controller".length()) : name;
    }

    /**
     * The example of a multipart request (a JSON part and files, as the documents' uploads take them): the JSON part is
     * the operation's example, a file part says what goes there.
     */
    private static Object multipart(io.swagger.v3.oas.models.media.MediaType media, Object example) {
        java.util.Map<String, Object> parts = new java.util.LinkedHashMap<>();
        Schema<?> schema = media.getSchema();
        java.util.Map<String, Schema> properties = schema == null ? null : schema.getProperties();
        if (properties != null) {
            properties.forEach((name, part) -> {
                Schema<?> items = part.getItems();
                boolean binary =
                        "binary".equals(part.getFormat()) || (items != null && "binary".equals(items.getFormat()));
                parts.put(name, binary ? List.of("(the bytes of a file, e.g. 供电方案.pdf)") : example);
            });
        }
        return parts.isEmpty() ? example : parts;
    }
}
