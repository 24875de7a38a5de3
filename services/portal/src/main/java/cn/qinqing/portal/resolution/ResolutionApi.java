package cn.qinqing.portal.resolution;

import cn.qinqing.portal.appeal.Uploads;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.Downloads;
import cn.qinqing.portal.service.ServiceClients;
import cn.qinqing.portal.service.Versions;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
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
import org.springframework.web.multipart.MultipartFile;

/** The resolution service's API (port 8083): case files, progress notes, extensions, the answer, sign-off. */
@Component
public class ResolutionApi {

    public static final String SERVICE = "resolution";
    private static final String CASE = "/api/resolution/case-files/{id}";

    /** How long a page waits for the case file a sign-for opens: the propagation between two services, with room. */
    static final Duration OPENING = Duration.ofSeconds(10);

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
     * The case file as the user's own write left it, at {@code version} or later (negative: as it is now). After a
     * write of the resolution service one read is enough: it answers only once its views show the write (ADR 0008).
     * Not after a sign-for ({@code version} 0): that write is the assignment service's, and the resolution service
     * opens the case file when the event reaches it (docs/event-propagation.md) — so the page waits for it, at most
     * {@link #OPENING}, instead of showing the official a signed-for appeal without its answer form.
     */
    public Optional<CaseFile> caseFileAtLeast(UUID appealId, long version) {
        Optional<CaseFile> caseFile = caseFile(appealId);
        long deadline = System.nanoTime() + OPENING.toNanos();
        while (version >= 0
                && caseFile.map(found -> found.version() < version).orElse(true)
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return caseFile;
            }
            caseFile = caseFile(appealId);
        }
        return caseFile;
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

    /**
     * The documents attached to the case file's notes, extension requests and answer, as far as this user may read
     * them (the enterprise: the answer's and those of notes visible to it); none before a case file exists.
     */
    public List<CaseFileDocument> documents(UUID appealId) {
        try {
            return api().get()
                    .uri(CASE + "/documents", appealId)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<CaseFileDocument>>() {});
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                return List.of();
            }
            throw problem;
        }
    }

    /** Streams one document of the case file; the resolution service checks that this user may read it. */
    public void download(UUID appealId, UUID documentId, HttpServletResponse target) {
        Downloads.stream(api().get().uri(CASE + "/documents/{document}", appealId, documentId), SERVICE, target);
    }

    public long note(UUID appealId, long version, String text, boolean visible, boolean contact, String key) {
        return note(appealId, version, text, visible, contact, key, List.of());
    }

    /** A progress note, with the files chosen in the form (multipart) or as JSON when there are none. */
    public long note(
            UUID appealId,
            long version,
            String text,
            boolean visible,
            boolean contact,
            String key,
            List<MultipartFile> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text == null ? "" : text);
        body.put("visibleToEnterprise", visible);
        body.put("contactWithEnterprise", contact);
        return created(appealId, "/notes", "note", version, body, key, files);
    }

    public long requestExtension(UUID appealId, long version, Instant dueAt, String reason, String key) {
        return requestExtension(appealId, version, dueAt, reason, key, List.of());
    }

    public long requestExtension(
            UUID appealId, long version, Instant dueAt, String reason, String key, List<MultipartFile> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestedDueAt", dueAt);
        body.put("reason", reason == null ? "" : reason);
        return created(appealId, "/extension-requests", "extension", version, body, key, files);
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
        return answer(appealId, version, answer, outcome, reason, policyBasis, List.of());
    }

    /** The answer, with the files chosen in the form (multipart) or as JSON when there are none. */
    public long answer(
            UUID appealId,
            long version,
            String answer,
            String outcome,
            String reason,
            String policyBasis,
            List<MultipartFile> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", answer == null ? "" : answer);
        body.put("outcome", outcome == null || outcome.isBlank() ? null : outcome);
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        body.put("policyBasis", policyBasis == null || policyBasis.isBlank() ? null : policyBasis);
        List<MultipartFile> chosen = Uploads.chosen(files);
        if (chosen.isEmpty()) {
            return changed(api().post().uri(CASE + "/answer", appealId), version, body);
        }
        Changed changed = api().post()
                .uri(CASE + "/answer", appealId)
                .header("If-Match", Versions.ifMatch(version))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(Uploads.multipart("answer", body, chosen))
                .retrieve()
                .body(Changed.class);
        return changed == null ? version + 2 : changed.version();
    }

    public long signOff(UUID appealId, long version) {
        return changed(api().post().uri(CASE + "/sign-off", appealId), version, null);
    }

    private long created(
            UUID appealId,
            String path,
            String part,
            long version,
            Map<String, Object> body,
            String key,
            List<MultipartFile> files) {
        List<MultipartFile> chosen = Uploads.chosen(files);
        Created created = api().post()
                .uri(CASE + path, appealId)
                .header("If-Match", Versions.ifMatch(version))
                .header("Idempotency-Key", key)
                .contentType(chosen.isEmpty() ? MediaType.APPLICATION_JSON : MediaType.MULTIPART_FORM_DATA)
                .body(chosen.isEmpty() ? body : Uploads.multipart(part, body, chosen))
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
