package cn.qinqing.portal.resolution;

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

/** The resolution service's API (port 8083): case files, progress notes, extensions, the answer, sign-off. */
@Component
public class ResolutionApi {

    public static final String SERVICE = "resolution";
    private static final String CASE = "/api/resolution/case-files/{id}";

    private final ServiceClients clients;

    ResolutionApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    /** The case files this user may see (an official's department, a leader's cases, all for supervisors). */
    public List<CaseFile> list(String status) {
        return api().get()
                .uri(uri -> {
                    uri.path("/api/resolution/case-files").queryParam("limit", 200);
                    if (status != null) {
                        uri.queryParam("status", status);
                    }
                    return uri.build();
                })
                .retrieve()
                .body(new ParameterizedTypeReference<List<CaseFile>>() {});
    }

    /** The appeal's case file, once a department signed for it and if this user may see it. */
    public Optional<CaseFile> caseFile(UUID appealId) {
        try {
            return Optional.ofNullable(
                    api().get().uri(CASE, appealId).retrieve().body(CaseFile.class));
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /**
     * The case file as the user's own write left it, at {@code version} or later (negative: as it is now): the
     * resolution service answers a write only once its views show it (ADR 0008), so one read is enough.
     */
    public Optional<CaseFile> caseFileAtLeast(UUID appealId, long version) {
        return caseFile(appealId);
    }

    public List<Note> notes(UUID appealId) {
        return api().get()
                .uri(CASE + "/notes", appealId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Note>>() {});
    }

    public List<Extension> extensions(UUID appealId) {
        return api().get()
                .uri(CASE + "/extension-requests", appealId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Extension>>() {});
    }

    public long note(UUID appealId, long version, String text, boolean visible, boolean contact, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text == null ? "" : text);
        body.put("visibleToEnterprise", visible);
        body.put("contactWithEnterprise", contact);
        return created(appealId, "/notes", version, body, key);
    }

    public long requestExtension(UUID appealId, long version, Instant dueAt, String reason, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestedDueAt", dueAt);
        body.put("reason", reason == null ? "" : reason);
        return created(appealId, "/extension-requests", version, body, key);
    }

    public long decideExtension(
            UUID appealId, UUID requestId, long version, boolean grant, Instant newDueAt, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant", grant);
        body.put("newDueAt", newDueAt);
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        return changed(
                api().post().uri(CASE + "/extension-requests/{request}/decision", appealId, requestId), version, body);
    }

    public long answer(UUID appealId, long version, String answer, String outcome, String reason, String policyBasis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", answer == null ? "" : answer);
        body.put("outcome", outcome == null || outcome.isBlank() ? null : outcome);
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        body.put("policyBasis", policyBasis == null || policyBasis.isBlank() ? null : policyBasis);
        return changed(api().post().uri(CASE + "/answer", appealId), version, body);
    }

    public long signOff(UUID appealId, long version) {
        return changed(api().post().uri(CASE + "/sign-off", appealId), version, null);
    }

    private long created(UUID appealId, String path, long version, Map<String, Object> body, String key) {
        Created created = api().post()
                .uri(CASE + path, appealId)
                .header("If-Match", Versions.ifMatch(version))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Created.class);
        return created == null ? version + 1 : created.version();
    }

    private long changed(RestClient.RequestBodySpec request, long version, Map<String, Object> body) {
        request = request.header("If-Match", Versions.ifMatch(version));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        Changed changed = request.retrieve().body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    record Changed(UUID appealId, long version) {}

    record Created(UUID id, UUID appealId, long version) {}
}
