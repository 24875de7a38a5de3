package cn.qinqing.portal.admin;

import cn.qinqing.portal.service.ServiceClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The identity service's administration API (port 9000, {@code /api/identity}): users and integration clients. */
@Component
public class IdentityApi {

    private final ServiceClients clients;

    IdentityApi(ServiceClients clients) {
        this.clients = clients;
    }

    private RestClient identity() {
        return clients.of("identity");
    }

    public record User(
            String username,
            String role,
            String enterpriseId,
            String departmentId,
            String displayName,
            boolean enabled) {}

    public record AuditEntry(
            Instant occurredAt, String actor, String action, String subjectType, String subjectId, JsonNode details) {}

    public record UserDetails(User user, List<AuditEntry> audit) {}

    public record Client(
            String clientId, String name, List<String> grantTypes, String role, String enterpriseId, boolean enabled) {}

    /** A client's secret, as the identity service shows it: once. */
    public record Secret(String clientId, String clientSecret) {}

    public List<User> users() {
        return identity()
                .get()
                .uri("/api/identity/users")
                .retrieve()
                .body(new ParameterizedTypeReference<List<User>>() {});
    }

    public UserDetails user(String username) {
        return identity()
                .get()
                .uri("/api/identity/users/{u}", username)
                .retrieve()
                .body(UserDetails.class);
    }

    public void createUser(Map<String, Object> body) {
        identity()
                .post()
                .uri("/api/identity/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    public void changeUser(String username, Map<String, Object> body) {
        identity()
                .put()
                .uri("/api/identity/users/{u}", username)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    public void resetPassword(String username, String password) {
        identity()
                .post()
                .uri("/api/identity/users/{u}/password", username)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("password", password == null ? "" : password))
                .retrieve()
                .toBodilessEntity();
    }

    public List<Client> clients() {
        return identity()
                .get()
                .uri("/api/identity/clients")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Client>>() {});
    }

    public Secret createClient(Map<String, Object> body) {
        return identity()
                .post()
                .uri("/api/identity/clients")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Secret.class);
    }

    /** Disables the client (it gets no token from then on) or enables it again; {@code enabled} null is refused. */
    public void enableClient(String clientId, Map<String, Object> body) {
        identity()
                .put()
                .uri("/api/identity/clients/{c}/enabled", clientId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    public Secret newSecret(String clientId) {
        return identity()
                .post()
                .uri("/api/identity/clients/{c}/secret", clientId)
                .retrieve()
                .body(Secret.class);
    }
}
