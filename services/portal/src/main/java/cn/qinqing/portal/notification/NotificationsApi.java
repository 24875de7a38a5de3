package cn.qinqing.portal.notification;

import cn.qinqing.portal.service.ServiceClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The notifications service's API (port 8086): the signed-in person's own feed and choices, nobody else's. */
@Component
public class NotificationsApi {

    static final String SERVICE = "notifications";

    private final ServiceClients clients;

    NotificationsApi(ServiceClients clients) {
        this.clients = clients;
    }

    public record Entry(
            UUID id,
            String kind,
            String subject,
            String body,
            String link,
            UUID appealId,
            Instant createdAt,
            Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    public record KindChoice(String kind, boolean feed, boolean email, boolean webhook) {}

    public record Preferences(String language, String email, boolean emailFromRegistration, List<KindChoice> kinds) {}

    private RestClient api() {
        return clients.of(SERVICE);
    }

    List<Entry> feed() {
        return api().get()
                .uri("/api/notifications?limit=100")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Entry>>() {});
    }

    long unread() {
        Map<String, Long> count = api().get()
                .uri("/api/notifications/unread")
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Long>>() {});
        return count == null ? 0 : count.getOrDefault("count", 0L);
    }

    void markRead(UUID id) {
        api().post().uri("/api/notifications/{id}/read", id).retrieve().toBodilessEntity();
    }

    void markAllRead() {
        api().post().uri("/api/notifications/read-all").retrieve().toBodilessEntity();
    }

    Preferences preferences() {
        return api().get().uri("/api/notifications/preferences").retrieve().body(Preferences.class);
    }

    Preferences save(Map<String, Object> body) {
        return api().put()
                .uri("/api/notifications/preferences")
                .body(body)
                .retrieve()
                .body(Preferences.class);
    }
}
