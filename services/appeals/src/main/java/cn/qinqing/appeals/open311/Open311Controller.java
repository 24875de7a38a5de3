package cn.qinqing.appeals.open311;

import cn.qinqing.appeals.appeal.command.FileAppealCommand;
import cn.qinqing.appeals.appeal.query.AppealView;
import cn.qinqing.appeals.appeal.query.Appeals;
import cn.qinqing.appeals.appeal.query.TimelineEntry;
import cn.qinqing.appeals.open311.GeoReport.Document;
import cn.qinqing.appeals.open311.GeoReport.Format;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.ratelimit.RateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 over the same appeals (ADR 0011): the services are the appeal categories, a service request
 * is an appeal. Reads come from the appeals read model; a POST files an appeal through the same command the appeals
 * API sends. Without an {@code api_key} a read shows what a city would publish (category, status, dates, the
 * department and the public answer); with an enterprise's key it shows that enterprise's own requests in full.
 */
@RestController
@RequestMapping("/open311/v2")
@io.swagger.v3.oas.annotations.Hidden // GeoReport v2 is this facade's contract, not the appeals API's document
class Open311Controller {

    /** Qinqing's statuses that GeoReport calls closed: answered (until reopened), rated, closed, withdrawn. */
    static final Set<String> CLOSED = Set.of("ANSWERED", "RATED", "CLOSED", "WITHDRAWN");

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final int MAX_REQUESTS = 1000;
    private static final long DEFAULT_DAYS = 90;

    private final Appeals appeals;
    private final ApiKeys keys;
    private final CommandGateway commands;
    private final IdempotentCreates creates;
    private final RateLimiter filingLimit;
    private final Validator validator;
    private final ObjectMapper json;
    private final String jurisdiction;

    Open311Controller(
            Appeals appeals,
            ApiKeys keys,
            CommandGateway commands,
            IdempotentCreates creates,
            RateLimiter filingLimit,
            Validator validator,
            ObjectMapper json,
            @Value("${qinqing.open311.jurisdiction-id:baotou.gov.cn}") String jurisdiction) {
        this.appeals = appeals;
        this.keys = keys;
        this.commands = commands;
        this.creates = creates;
        this.filingLimit = filingLimit;
        this.validator = validator;
        this.json = json;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Format as = Format.of(format);
        String changeset = "2026-12-06T00:00:00+08:00";
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put(
                "url",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/open311/v2")
                        .toUriString());
        endpoint.put("changeset", changeset);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", changeset);
        discovery.put("contact", "亲清 Qinqing enterprise services, " + jurisdiction);
        discovery.put(
                "key_service",
                "api_key: an access token of the city's identity provider issued to your enterprise (its client"
                        + " credentials); see docs/api.md");
        discovery.put("endpoints", List.of(endpoint));
        return ok(new Document("discovery", null, discovery), as);
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format as = Format.of(format);
        jurisdiction(jurisdictionId, as);
        return ok(new Document("services", "service", ServiceCatalogue.services()), as);
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(
            @PathVariable String code,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format as = Format.of(format);
        jurisdiction(jurisdictionId, as);
        AppealCategory category = ServiceCatalogue.category(code)
                .orElseThrow(() ->
                        new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " was not found", as));
        return ok(new Document("service_definition", null, ServiceCatalogue.definition(category)), as);
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String status) {
        Format as = Format.of(format);
        jurisdiction(jurisdictionId, as);
        String enterprise = keys.check(apiKey, "get_service_requests", as)
                .map(key -> key.actor().enterpriseId())
                .orElse(null);
        List<AppealView> found;
        if (ids != null && !ids.isBlank()) {
            // the specification: with service_request_id, every other filter is ignored
            found = appeals.matching(requestIds(ids, as), null, null, null, null, enterprise, MAX_REQUESTS);
        } else {
            Instant start = date("start_date", startDate, as);
            Instant end = date("end_date", endDate, as);
            if (start != null && end != null && start.isAfter(end)) {
                throw Open311Exception.badRequest("start_date must not be after end_date", as);
            }
            if (start == null && end == null) {
                start = Instant.now().minus(DEFAULT_DAYS, ChronoUnit.DAYS); // the specification's default span
            }
            found = appeals.matching(
                    null, categories(codes, as), statuses(status, as), start, end, enterprise, MAX_REQUESTS);
        }
        return ok(new Document("service_requests", "request", describe(found, enterprise)), as);
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(
            @PathVariable String id,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(name = "api_key", required = false) String apiKey) {
        Format as = Format.of(format);
        jurisdiction(jurisdictionId, as);
        String enterprise = keys.check(apiKey, "get_service_request", as)
                .map(key -> key.actor().enterpriseId())
                .orElse(null);
        UUID appealId = requestId(id, HttpStatus.NOT_FOUND, as);
        List<AppealView> found = appeals.matching(List.of(appealId), null, null, null, null, null, 1);
        if (found.isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " was not found", as);
        }
        return ok(new Document("service_requests", "request", describe(found, enterprise)), as);
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<String> file(
            @PathVariable String format,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @RequestParam Map<String, String> parameters) {
        Format as = Format.of(format);
        ApiKeys.Key key = keys.check(parameters.get("api_key"), "create_request", as)
                .orElseThrow(() -> Open311Exception.forbidden(
                        "api_key was not provided -- can't proceed with create_request.", as));
        jurisdiction(parameters.get("jurisdiction_id"), as);
        String code = parameters.get("service_code");
        if (code == null || code.isBlank()) {
            throw Open311Exception.badRequest("service_code was not provided", as);
        }
        AppealCategory category = ServiceCatalogue.category(code)
                .orElseThrow(() -> Open311Exception.badRequest("service_code " + code + " is not a service here", as));
        String urgencyKey = parameters.get("attribute[" + ServiceCatalogue.URGENCY + "]");
        if (urgencyKey == null || urgencyKey.isBlank()) {
            throw Open311Exception.badRequest(
                    "attribute[" + ServiceCatalogue.URGENCY + "] is required (one of NORMAL, URGENT, EMERGENCY)", as);
        }
        Urgency urgency = java.util.Arrays.stream(Urgency.values())
                .filter(candidate -> candidate.name().equals(urgencyKey))
                .findFirst()
                .orElseThrow(() -> Open311Exception.badRequest(
                        "attribute[" + ServiceCatalogue.URGENCY + "] must be one of NORMAL, URGENT, EMERGENCY", as));
        Open311Filing filing = new Open311Filing(
                parameters.get("attribute[" + ServiceCatalogue.TITLE + "]"), parameters.get("description"));
        Set<ConstraintViolation<Open311Filing>> violations = validator.validate(filing);
        if (!violations.isEmpty()) {
            throw Open311Exception.badRequest(
                    violations.stream()
                            .map(violation -> Open311Filing.parameter(
                                            violation.getPropertyPath().toString())
                                    + " " + violation.getMessage())
                            .sorted()
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow(),
                    as);
        }
        String enterprise = key.actor().enterpriseId();
        Map<String, String> canonical = new TreeMap<>(parameters);
        canonical.remove("api_key"); // a retry with a fresh token is the same request
        Instant filedAt = Instant.now();
        var filed = key.actingAs(() -> creates.create(
                "open311:" + enterprise + ":" + key.actor().subject(),
                "appeal",
                idempotencyKey,
                canonical,
                () -> filingLimit.acquire(enterprise),
                id -> commands.sendAndWait(new FileAppealCommand(
                        id,
                        enterprise,
                        filing.title(),
                        filing.description(),
                        category,
                        urgency,
                        List.of(),
                        AppealSource.ONLINE,
                        null,
                        false,
                        filedAt))));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", filed.id().toString());
        created.put("token", filed.id().toString());
        created.put(
                "service_notice",
                "已受理，将按时限派单办理。Filed; it will be dispatched and answered within the city's time limits.");
        created.put("account_id", enterprise);
        return GeoReport.answer(
                HttpStatus.CREATED, new Document("service_requests", "request", List.of(created)), as, json);
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(
            @PathVariable String token,
            @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Format as = Format.of(format);
        jurisdiction(jurisdictionId, as);
        // requests are created while the POST waits, so a token is the id of its request: it names nothing more
        UUID id = requestId(token, HttpStatus.NOT_FOUND, as);
        if (appeals.matching(List.of(id), null, null, null, null, null, 1).isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "token " + token + " was not found", as);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", id.toString());
        answer.put("token", token);
        return ok(new Document("service_requests", "request", List.of(answer)), as);
    }

    private ResponseEntity<String> ok(Document document, Format format) {
        return GeoReport.answer(HttpStatus.OK, document, format, json);
    }

    private void jurisdiction(String jurisdictionId, Format as) {
        if (jurisdictionId != null && !jurisdictionId.equals(jurisdiction)) {
            throw new Open311Exception(
                    HttpStatus.NOT_FOUND, "jurisdiction_id " + jurisdictionId + " was not found", as);
        }
    }

    /**
     * The requests as GeoReport describes them: to the owner's key everything its enterprise may see, to anyone
     * else what the city publishes.
     */
    private List<Map<String, Object>> describe(List<AppealView> found, String enterprise) {
        Map<UUID, TimelineEntry> answers =
                appeals.latest(found.stream().map(AppealView::id).toList(), "ANSWERED");
        List<Map<String, Object>> requests = new ArrayList<>();
        for (AppealView appeal : found) {
            boolean own = appeal.enterpriseId().equals(enterprise);
            TimelineEntry answer = answers.get(appeal.id());
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("service_request_id", appeal.id().toString());
            request.put("status", CLOSED.contains(appeal.status()) ? "closed" : "open");
            request.put("status_notes", own ? ownNotes(appeal, answer) : publicNotes(appeal, answer));
            request.put("service_name", ServiceCatalogue.name(appeal.category()));
            request.put("service_code", appeal.category().name());
            if (own) {
                request.put("description", appeal.title() + "\n" + appeal.description());
            }
            request.put("agency_responsible", appeal.holdingDepartment());
            request.put("requested_datetime", w3c(appeal.filedAt()));
            request.put("updated_datetime", w3c(appeal.updatedAt()));
            requests.add(request);
        }
        return requests;
    }

    /** What the city publishes: its answer, once it stands; that an appeal was withdrawn, never why. */
    private static String publicNotes(AppealView appeal, TimelineEntry answer) {
        if (appeal.status().equals("WITHDRAWN")) {
            return "企业已撤回 Withdrawn by the enterprise";
        }
        return CLOSED.contains(appeal.status()) && answer != null ? answerText(answer) : null;
    }

    /** What the enterprise's own appeal page says of where it stands (never which official acts). */
    private static String ownNotes(AppealView appeal, TimelineEntry answer) {
        String department = appeal.holdingDepartment() == null ? "" : " " + appeal.holdingDepartment();
        return switch (appeal.status()) {
            case "FILED" -> "已受理，等待派单 Filed, waiting to be dispatched";
            case "DISPATCHED" -> "已派单" + department + " Dispatched to" + department;
            case "SIGNED_FOR" -> "已签收" + department + " Signed for by" + department;
            case "IN_PROGRESS" -> "办理中" + department + " In progress at" + department;
            case "REOPENED" -> "已重新打开，重新办理 Reopened, being worked again";
            case "WITHDRAWN" ->
                "已撤回 Withdrawn" + (appeal.withdrawalReason() == null ? "" : ": " + appeal.withdrawalReason());
            default -> answer == null ? appeal.status() : answerText(answer);
        };
    }

    private static String answerText(TimelineEntry answer) {
        return "办理结果 " + answer.details().path("outcome").asText() + ": "
                + answer.details().path("answer").asText();
    }

    private static String w3c(Instant instant) {
        return instant.atZone(CITY)
                .truncatedTo(ChronoUnit.SECONDS)
                .toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Instant date(String name, String value, Format as) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(
                    name + " " + value + " is not a w3c date-time with a time zone (such as 2026-03-03T10:00:00+08:00)",
                    as);
        }
    }

    private static List<UUID> requestIds(String ids, Format as) {
        return split(ids, id -> requestId(id, HttpStatus.BAD_REQUEST, as));
    }

    private static UUID requestId(String id, HttpStatus status, Format as) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(
                    status,
                    "service_request_id " + id + (status == HttpStatus.NOT_FOUND ? " was not found" : " is not one"),
                    as);
        }
    }

    private static List<AppealCategory> categories(String codes, Format as) {
        return codes == null
                ? List.of()
                : split(codes, code -> ServiceCatalogue.category(code.trim())
                        .orElseThrow(() -> Open311Exception.badRequest(
                                "service_code " + code.trim() + " is not a service here", as)));
    }

    private static List<String> statuses(String statuses, Format as) {
        if (statuses == null) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String status : split(statuses, String::trim)) {
            switch (status) {
                case "open" ->
                    AppealView.STATUSES.stream()
                            .filter(candidate -> !CLOSED.contains(candidate))
                            .forEach(wanted::add);
                case "closed" -> wanted.addAll(CLOSED);
                default -> throw Open311Exception.badRequest("status " + status + " must be open or closed", as);
            }
        }
        return wanted.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static <T> List<T> split(String list, Function<String, T> each) {
        return java.util.Arrays.stream(list.split(","))
                .filter(part -> !part.isBlank())
                .map(each)
                .toList();
    }
}
