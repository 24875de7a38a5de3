package cn.qinqing.identity.admin;

import cn.qinqing.identity.client.ClientBinding;
import cn.qinqing.identity.client.ClientRegistry;
import cn.qinqing.identity.client.NewClient;
import cn.qinqing.language.Role;
import cn.qinqing.language.UnifiedSocialCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise's integration client (client credentials, acting as that enterprise), for administrators only: create
 * one, give it a new secret, disable it or enable it again. The secret is in the answer once and stored only hashed;
 * every change is an audit record with its actor.
 */
@RestController
@RequestMapping(path = "/api/identity/clients", produces = MediaType.APPLICATION_JSON_VALUE)
class ClientAdminController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientRegistry clients;
    private final AdminAudit audit;

    ClientAdminController(ClientRegistry clients, AdminAudit audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @GetMapping
    List<ClientRegistry.ClientView> list() {
        return clients.all();
    }

    record NewEnterpriseClient(
            @NotBlank
                    @Pattern(
                            regexp = "[a-z0-9][a-z0-9-]{2,63}",
                            message = "must be 3 to 64 lower-case letters, digits and hyphens")
                    String clientId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String enterpriseId) {}

    /** What a client's secret is shown in, once. */
    record Secret(String clientId, String clientSecret) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Secret> create(@AuthenticationPrincipal Jwt actor, @Valid @RequestBody NewEnterpriseClient request) {
        if (!UnifiedSocialCreditCode.isValid(request.enterpriseId())) {
            throw AdminProblems.invalid("enterpriseId", UnifiedSocialCreditCode.problemWith(request.enterpriseId()));
        }
        String secret = secret();
        boolean registered = clients.registerIfMissing(new NewClient(
                request.clientId(),
                request.name(),
                secret,
                List.of("client_credentials"),
                null,
                null,
                null,
                new ClientBinding(Role.ENTERPRISE, request.enterpriseId(), null)));
        if (!registered) {
            throw AdminProblems.conflict("client-exists", "There is a client " + request.clientId() + " already.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", request.name());
        details.put("role", Role.ENTERPRISE.name());
        details.put("enterpriseId", request.enterpriseId());
        details.put("grantTypes", List.of("client_credentials"));
        audit.record(actor.getSubject(), "CLIENT_CREATED", "CLIENT", request.clientId(), details);
        return ResponseEntity.created(URI.create("/api/identity/clients/" + request.clientId()))
                .body(new Secret(request.clientId(), secret));
    }

    /** A new secret for the client (the old one stops working at once), shown once. */
    @PostMapping("/{clientId}/secret")
    @Transactional
    Secret newSecret(@AuthenticationPrincipal Jwt actor, @PathVariable String clientId) {
        String secret = secret();
        if (!clients.changeSecret(clientId, secret)) {
            throw AdminProblems.notFound("client", clientId);
        }
        audit.record(actor.getSubject(), "CLIENT_SECRET_RESET", "CLIENT", clientId, Map.of());
        return new Secret(clientId, secret);
    }

    record Enabling(@NotNull Boolean enabled) {}

    /**
     * Disables a client (it gets no token of any grant from then on, and its stored authorizations end) or enables it
     * again. An administrator cannot disable the client their own token was issued to (they would lock themselves
     * out). Setting the state it already has changes nothing and records nothing.
     */
    @PutMapping(path = "/{clientId}/enabled", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ClientRegistry.ClientView enable(
            @AuthenticationPrincipal Jwt actor, @PathVariable String clientId, @Valid @RequestBody Enabling request) {
        if (!clients.exists(clientId)) {
            throw AdminProblems.notFound("client", clientId);
        }
        if (!request.enabled() && actor.getAudience().contains(clientId)) {
            throw AdminProblems.invalid(
                    "enabled", "cannot be false for the client you are signed in through (" + clientId + ")");
        }
        if (clients.enable(clientId, request.enabled())) {
            audit.record(
                    actor.getSubject(),
                    request.enabled() ? "CLIENT_ENABLED" : "CLIENT_DISABLED",
                    "CLIENT",
                    clientId,
                    Map.of("enabled", request.enabled()));
        }
        return clients.all().stream()
                .filter(client -> client.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> AdminProblems.notFound("client", clientId));
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
