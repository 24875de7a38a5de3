package cn.qinqing.portal.admin;

import cn.qinqing.portal.service.ServiceClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** The dead letters every service has (shared/platform's {@code /api/<service>/admin/dead-letters}). */
@Component
public class DeadLettersApi {

    /**
     * The services on shared/platform, each with its own dead-letter queues, in the order the page lists them; each
     * needs its base URL in {@code qinqing.portal.services} (the launcher's {@code ServiceCatalog.wiring}, the
     * Kubernetes {@code platform.env}).
     */
    public static final List<String> SERVICES =
            List.of("appeals", "assignment", "resolution", "meetings", "oversight", "notifications", "projects");

    private final ServiceClients clients;

    DeadLettersApi(ServiceClients clients) {
        this.clients = clients;
    }

    public record Letter(
            String processingGroup,
            String id,
            String sequence,
            String eventId,
            String payloadType,
            String cause,
            Instant enqueuedAt,
            Instant lastTouched) {}

    public record Inspected(Letter letter, JsonNode payload, JsonNode metaData, JsonNode diagnostics) {}

    /**
     * What a retry did; shown on the next page as a flash attribute, which the session store (Spring Session JDBC)
     * serializes: hence {@link Serializable}.
     */
    public record Retried(String processingGroup, int sequencesProcessed, long lettersLeft) implements Serializable {}

    public List<Letter> letters(String service) {
        return clients.of(service)
                .get()
                .uri("/api/{s}/admin/dead-letters", service)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Letter>>() {});
    }

    public Inspected letter(String service, String group, String letterId) {
        return clients.of(service)
                .get()
                .uri("/api/{s}/admin/dead-letters/{g}/{l}", service, group, letterId)
                .retrieve()
                .body(Inspected.class);
    }

    public Retried retry(String service, String group) {
        return clients.of(service)
                .post()
                .uri("/api/{s}/admin/dead-letters/{g}/retry", service, group)
                .retrieve()
                .body(Retried.class);
    }

    /** Drops the letter; the service logs the reason with the admin's name. */
    public void drop(String service, String group, String letterId, String reason) {
        clients.of(service)
                .delete()
                .uri(uri -> uri.path("/api/{s}/admin/dead-letters/{g}/{l}")
                        .queryParam("reason", reason)
                        .build(service, group, letterId))
                .retrieve()
                .toBodilessEntity();
    }
}
