package cn.qinqing.portal.market;

import cn.qinqing.portal.service.ServiceClients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The market's API, served by the projects service (port 8087, {@code /api/markets}): an enterprise's posts and the
 * matches proposed to it; the brokers' open posts, candidates, proposals and outcomes; the figures.
 */
@Component
public class MarketsApi {

    public static final String SERVICE = "projects";

    private final ServiceClients clients;

    MarketsApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient api() {
        return clients.of(SERVICE);
    }

    /** The caller's posts (an enterprise) or the published ones (everyone else), narrowed when given. */
    public List<Market.Post> posts(String status, String enterpriseId) {
        return api().get()
                .uri(uri -> uri.path("/api/markets/posts")
                        .queryParamIfPresent("status", blankless(status))
                        .queryParamIfPresent("enterpriseId", blankless(enterpriseId))
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Market.Post>>() {});
    }

    public Market.Post post(UUID id) {
        return api().get().uri("/api/markets/posts/{id}", id).retrieve().body(Market.Post.class);
    }

    public long draft(PostForm form) {
        Map<String, Object> quantity = new LinkedHashMap<>();
        quantity.put("amount", form.getAmount());
        quantity.put("unit", blank(form.getUnit()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", blank(form.getKind()));
        body.put("needType", blank(form.getNeedType()));
        body.put("product", form.getProduct() == null ? "" : form.getProduct());
        body.put("chainLink", blank(form.getChainLink()));
        body.put("quantity", quantity);
        body.put("deliveryTerms", blank(form.getDeliveryTerms()));
        body.put("description", blank(form.getDescription()));
        api().post()
                .uri("/api/markets/posts")
                .header("Idempotency-Key", form.getKey())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class);
        return 0;
    }

    public long publish(UUID id) {
        return api().post()
                .uri("/api/markets/posts/{id}/publish", id)
                .retrieve()
                .body(Changed.class)
                .version();
    }

    public long close(UUID id) {
        return api().post()
                .uri("/api/markets/posts/{id}/close", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .retrieve()
                .body(Changed.class)
                .version();
    }

    public long referToMeeting(UUID id) {
        return api().post()
                .uri("/api/markets/posts/{id}/refer-to-meeting", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .retrieve()
                .body(Changed.class)
                .version();
    }

    public List<Market.Candidate> candidates(UUID id) {
        return api().get()
                .uri("/api/markets/posts/{id}/candidates", id)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Market.Candidate>>() {});
    }

    public UUID propose(UUID needPostId, UUID offerPostId) {
        return api().post()
                .uri("/api/markets/matches")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("needPostId", needPostId, "offerPostId", offerPostId))
                .retrieve()
                .body(Changed.class)
                .id();
    }

    public List<Market.Match> matches() {
        return api().get()
                .uri("/api/markets/matches")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Market.Match>>() {});
    }

    public Market.Match match(UUID id) {
        return api().get().uri("/api/markets/matches/{id}", id).retrieve().body(Market.Match.class);
    }

    public long consent(UUID id) {
        return api().post()
                .uri("/api/markets/matches/{id}/consent", id)
                .retrieve()
                .body(Changed.class)
                .version();
    }

    /** The caller's enterprise declines to be introduced; the reason goes to the broker, not the other side. */
    public long decline(UUID id, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blank(reason));
        return api().post()
                .uri("/api/markets/matches/{id}/decline", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class)
                .version();
    }

    public long recordOutcome(UUID id, String outcome, BigDecimal amountCny, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", blank(outcome));
        body.put("amountCny", amountCny);
        body.put("reason", blank(reason));
        return api().post()
                .uri("/api/markets/matches/{id}/outcome", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Changed.class)
                .version();
    }

    public Market.Figures figures(LocalDate asOf) {
        return api().get()
                .uri(uri -> uri.path("/api/markets/figures")
                        .queryParamIfPresent("asOf", Optional.ofNullable(asOf))
                        .build())
                .retrieve()
                .body(Market.Figures.class);
    }

    public String figuresCsv(LocalDate asOf) {
        return api().get()
                .uri(uri -> uri.path("/api/markets/figures/export.csv")
                        .queryParamIfPresent("asOf", Optional.ofNullable(asOf))
                        .build())
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve()
                .body(String.class);
    }

    private static Optional<String> blankless(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    record Changed(UUID id, long version) {}
}
