package cn.qinqing.portal.appeal;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.Downloads;
import cn.qinqing.portal.service.ServiceClients;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.util.UriBuilder;

/** The appeals service's API (port 8081), called with the signed-in user's token. */
@Component
public class AppealsApi {

    public static final String SERVICE = "appeals";
    private static final ParameterizedTypeReference<List<TimelineEntry>> TIMELINE =
            new ParameterizedTypeReference<>() {};

    private final ServiceClients clients;

    AppealsApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    /** The enterprise, if it is registered (and this user may see it). */
    public Optional<Enterprise> enterprise(String uscc) {
        try {
            return Optional.ofNullable(api().get()
                    .uri("/api/appeals/enterprises/{uscc}", uscc)
                    .retrieve()
                    .body(Enterprise.class));
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    public List<Enterprise> enterprises() {
        return api().get()
                .uri("/api/appeals/enterprises")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Enterprise>>() {});
    }

    /** Registers an enterprise; the body is the API's request (name, uscc, chainPosition, district, contact). */
    public void register(Map<String, Object> request) {
        api().post()
                .uri("/api/appeals/enterprises")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .toBodilessEntity();
    }

    /** Files an appeal; the same idempotency key files it once however often the form is sent. */
    public UUID file(Map<String, Object> request, String idempotencyKey) {
        return file(request, idempotencyKey, List.of());
    }

    /** Files an appeal with the files chosen in the form (multipart), or as JSON when there are none. */
    public UUID file(Map<String, Object> request, String idempotencyKey, List<MultipartFile> files) {
        List<MultipartFile> chosen = Uploads.chosen(files);
        Filed filed = api().post()
                .uri("/api/appeals")
                .contentType(chosen.isEmpty() ? MediaType.APPLICATION_JSON : MediaType.MULTIPART_FORM_DATA)
                .headers(headers -> {
                    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(chosen.isEmpty() ? request : Uploads.multipart("appeal", request, chosen))
                .retrieve()
                .body(Filed.class);
        return filed.id();
    }

    /** The documents uploaded with the appeal. */
    public List<Document> documents(UUID id) {
        return api().get()
                .uri("/api/appeals/{id}/documents", id)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Document>>() {});
    }

    /**
     * Streams one document to {@code target} with the appeals service's type, name and length; the service checks
     * that this user may read it (another enterprise: 404, as for the appeal).
     */
    public void download(UUID id, UUID documentId, HttpServletResponse target) {
        Downloads.stream(api().get().uri("/api/appeals/{id}/documents/{documentId}", id, documentId), SERVICE, target);
    }

    /** A document of an appeal, as the appeals service lists it. */
    public record Document(
            UUID documentId,
            String name,
            String mediaType,
            long sizeBytes,
            String sha256,
            String attachedWith,
            java.time.Instant attachedAt) {

        /** Its size for people: 1.2 MB, 350 KB. */
        public String size() {
            if (sizeBytes >= 1024 * 1024) {
                return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
            }
            return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
        }
    }

    record Filed(UUID id, String status, long version) {}

    /** One page of the appeals this user may see, newest first. */
    public Page list(String status, String cursor, int limit) {
        return api().get()
                .uri(uri -> {
                    UriBuilder builder = uri.path("/api/appeals").queryParam("limit", limit);
                    if (status != null && !status.isBlank()) {
                        builder.queryParam("status", status);
                    }
                    if (cursor != null && !cursor.isBlank()) {
                        builder.queryParam("cursor", cursor);
                    }
                    return builder.build();
                })
                .retrieve()
                .body(Page.class);
    }

    /** A page of appeals and the cursor of the next page (null on the last). */
    public record Page(List<Appeal> items, String next) {}

    public Appeal appeal(UUID id) {
        return api().get().uri("/api/appeals/{id}", id).retrieve().body(Appeal.class);
    }

    /**
     * The appeal as the user's own write left it, at {@code version} or later: the appeals service answers a write
     * only once its views show it (ADR 0008), so one read is enough.
     */
    public Appeal appealAtLeast(UUID id, long version) {
        return appeal(id);
    }

    public List<TimelineEntry> timeline(UUID id) {
        return api().get().uri("/api/appeals/{id}/timeline", id).retrieve().body(TIMELINE);
    }

    /** Adds information to an appeal read at {@code version}; returns its new version. */
    public long supplement(UUID id, long version, String text) {
        return change(id, "supplements", version, Map.of("text", text));
    }

    /** Adds information with the files chosen in the form (multipart); returns the appeal's new version. */
    public long supplement(UUID id, long version, String text, List<MultipartFile> files) {
        List<MultipartFile> chosen = Uploads.chosen(files);
        if (chosen.isEmpty()) {
            return supplement(id, version, text);
        }
        Changed changed = api().post()
                .uri("/api/appeals/{id}/supplements", id)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .header("If-Match", "\"" + version + "\"")
                .body(Uploads.multipart("supplement", Map.of("text", text == null ? "" : text), chosen))
                .retrieve()
                .body(Changed.class);
        return changed.version();
    }

    /** Withdraws an appeal read at {@code version}; returns its new version. */
    public long withdraw(UUID id, long version, String reason) {
        return change(id, "withdrawal", version, Map.of("reason", reason));
    }

    /** The enterprise rates the answer (1–5, a comment); returns the appeal's new version. */
    public long rate(UUID id, long version, Integer rating, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rating", rating);
        body.put("comment", comment == null || comment.isBlank() ? null : comment);
        return change(id, "rating", version, body);
    }

    /** The enterprise, not satisfied, reopens the answered appeal; returns its new version. */
    public long reopen(UUID id, long version, String reason) {
        return change(id, "reopening", version, Map.of("reason", reason == null ? "" : reason));
    }

    /** Reopens with the files chosen in the form (multipart), as a supplement; returns the appeal's new version. */
    public long reopen(UUID id, long version, String reason, List<MultipartFile> files) {
        List<MultipartFile> chosen = Uploads.chosen(files);
        if (chosen.isEmpty()) {
            return reopen(id, version, reason);
        }
        Changed changed = api().post()
                .uri("/api/appeals/{id}/reopening", id)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .header("If-Match", "\"" + version + "\"")
                .body(Uploads.multipart("reopening", Map.of("reason", reason == null ? "" : reason), chosen))
                .retrieve()
                .body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    /** Posts a change of the appeal read at {@code version} ({@code If-Match}); 409 when somebody changed it since. */
    long change(UUID id, String action, long version, Map<String, ?> body) {
        Changed changed = api().post()
                .uri("/api/appeals/{id}/" + action, id)
                .contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(new LinkedHashMap<>(body))
                .retrieve()
                .body(Changed.class);
        return changed == null ? version + 1 : changed.version();
    }

    record Changed(UUID id, long version) {}
}
