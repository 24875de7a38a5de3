package cn.qinqing.portal.appeal;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
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

    /** The enterprise just registered, once the read model shows it (up to {@link #READ_YOUR_WRITES}). */
    public Optional<Enterprise> awaitEnterprise(String uscc) {
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        Optional<Enterprise> enterprise = enterprise(uscc);
        while (enterprise.isEmpty() && System.nanoTime() < deadline) {
            pause();
            enterprise = enterprise(uscc);
        }
        return enterprise;
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
        Filed filed = api().post()
                .uri("/api/appeals")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(request)
                .retrieve()
                .body(Filed.class);
        return filed.id();
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
     * The appeal once the read model shows at least {@code version}: a write answers when its events are committed,
     * and the read model follows a moment later. Waits up to {@link #READ_YOUR_WRITES} (the appeal as it is then,
     * else the API's 404).
     */
    public Appeal appealAtLeast(UUID id, long version) {
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        while (true) {
            try {
                Appeal appeal = appeal(id);
                if (appeal.version() >= version || System.nanoTime() > deadline) {
                    return appeal;
                }
            } catch (ApiProblem problem) {
                if (!problem.isNotFound() || System.nanoTime() > deadline) {
                    throw problem;
                }
            }
            pause();
        }
    }

    static final java.time.Duration READ_YOUR_WRITES = java.time.Duration.ofSeconds(5);

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }

    public List<TimelineEntry> timeline(UUID id) {
        return api().get().uri("/api/appeals/{id}/timeline", id).retrieve().body(TIMELINE);
    }

    /** Adds information to an appeal read at {@code version}; returns its new version. */
    public long supplement(UUID id, long version, String text) {
        return change(id, "supplements", version, Map.of("text", text));
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
