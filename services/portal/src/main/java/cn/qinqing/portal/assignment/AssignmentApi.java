package cn.qinqing.portal.assignment;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceClients;
import cn.qinqing.portal.service.Versions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The assignment service's API (port 8082): work lists, the directory, dispatch, sign-for, return, transfer. */
@Component
public class AssignmentApi {

    public static final String SERVICE = "assignment";
    private static final ParameterizedTypeReference<List<Assignment>> ASSIGNMENTS =
            new ParameterizedTypeReference<>() {};

    private final ServiceClients clients;

    AssignmentApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    /** The dispatcher's queue: appeals no rule routed, or flagged for manual dispatch. */
    public List<Assignment> queue() {
        return api().get().uri("/api/assignment/queue").retrieve().body(ASSIGNMENTS);
    }

    /** A department's inbox; state UNSIGNED or IN_PROGRESS, or null for both. */
    public List<Assignment> inbox(String departmentId, String state) {
        return api().get()
                .uri(uri -> {
                    uri.path("/api/assignment/departments/{department}/inbox");
                    if (state != null) {
                        uri.queryParam("state", state);
                    }
                    return uri.build(departmentId);
                })
                .retrieve()
                .body(ASSIGNMENTS);
    }

    /** The appeals a leader is responsible for: taken charge of, or escalated to. */
    public List<Assignment> cases(String leaderId) {
        return api().get()
                .uri("/api/assignment/leaders/{leader}/cases", leaderId)
                .retrieve()
                .body(ASSIGNMENTS);
    }

    public List<SupervisionNotice> notices(String leaderId) {
        return api().get()
                .uri("/api/assignment/leaders/{leader}/supervision-notices", leaderId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<SupervisionNotice>>() {});
    }

    public List<Department> departments() {
        return api().get()
                .uri("/api/assignment/departments")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Department>>() {});
    }

    /** The appeal's assignment, if this user may see it. */
    public Optional<Assignment> assignment(UUID appealId) {
        try {
            return Optional.ofNullable(api().get()
                    .uri("/api/assignment/appeals/{id}", appealId)
                    .retrieve()
                    .body(Assignment.class));
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /**
     * The assignment as the user's own write left it, at {@code version} or later (negative: as it is now): the
     * assignment service answers a write only once its views show it (ADR 0008), so one read is enough.
     */
    public Optional<Assignment> assignmentAtLeast(UUID appealId, long version) {
        return assignment(appealId);
    }

    public List<HolderPeriod> holders(UUID appealId) {
        return api().get()
                .uri("/api/assignment/appeals/{id}/holders", appealId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<HolderPeriod>>() {});
    }

    public long dispatch(UUID appealId, long version, String departmentId) {
        return command(appealId, "dispatch", version, Map.of("departmentId", nullToEmpty(departmentId)));
    }

    public long signFor(UUID appealId, long version) {
        return command(appealId, "sign-for", version, null);
    }

    public long returnToDispatch(UUID appealId, long version, String reason) {
        return command(appealId, "return", version, Map.of("reason", nullToEmpty(reason)));
    }

    public long transfer(UUID appealId, long version, String toDepartmentId, String reason) {
        return command(
                appealId,
                "transfer",
                version,
                Map.of("toDepartmentId", nullToEmpty(toDepartmentId), "reason", nullToEmpty(reason)));
    }

    public long takeCharge(UUID appealId, long version) {
        return command(appealId, "take-charge", version, null);
    }

    /** Issues a supervision notice; the idempotency key makes a repeated form one notice. */
    public void supervise(UUID appealId, String instructions, Instant dueAt, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructions", nullToEmpty(instructions));
        body.put("dueAt", dueAt);
        api().post()
                .uri("/api/assignment/appeals/{id}/supervision-notices", appealId)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    private long command(UUID appealId, String action, long version, Map<String, ?> body) {
        RestClient.RequestBodySpec request = api().post()
                .uri("/api/assignment/appeals/{id}/" + action, appealId)
                .header("If-Match", Versions.ifMatch(version));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(new LinkedHashMap<>(body));
        }
        Changed changed = request.retrieve().body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    record Changed(UUID appealId, long version) {}

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
