package cn.qinqing.identity.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers clients the way the platform wants them: secrets hashed, PKCE always required for the code flow, no consent
 * screen (every client is the city's own), the platform's token lifetimes, and the client's binding in its settings.
 */
@Component
public class ClientRegistry {

    private final RegisteredClientRepository clients;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Duration accessTokenTimeToLive;
    private final Duration refreshTokenTimeToLive;

    ClientRegistry(
            RegisteredClientRepository clients,
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            PasswordEncoder passwordEncoder,
            @Value("${qinqing.identity.access-token-time-to-live:30m}") Duration accessTokenTimeToLive,
            @Value("${qinqing.identity.refresh-token-time-to-live:8h}") Duration refreshTokenTimeToLive) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.accessTokenTimeToLive = accessTokenTimeToLive;
        this.refreshTokenTimeToLive = refreshTokenTimeToLive;
    }

    /**
     * Registers the client unless one with its client id exists (an existing client is left as it is).
     *
     * @return whether the client was registered
     */
    public boolean registerIfMissing(NewClient client) {
        if (clients.findByClientId(client.clientId()) != null) {
            return false;
        }
        try {
            clients.save(toRegisteredClient(client));
            return true;
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            return false;
        } catch (IllegalArgumentException refused) {
            // the repository's own uniqueness check saw another instance's client between our look-up and the save
            // (two identity instances starting at once, ./deploy/run.sh --replicas)
            if (clients.findByClientId(client.clientId()) != null) {
                return false;
            }
            throw refused;
        }
    }

    /**
     * Gives an existing client the redirect and post-logout redirect URIs of {@code client}, leaving its secret,
     * grants and settings as they are: the local run's portal moves with the launcher's port offset.
     *
     * @return whether the client exists and its URIs changed
     */
    public boolean alignRedirectUris(NewClient client) {
        RegisteredClient existing = clients.findByClientId(client.clientId());
        if (existing == null
                || (existing.getRedirectUris().equals(Set.copyOf(client.redirectUris()))
                        && existing.getPostLogoutRedirectUris().equals(Set.copyOf(client.postLogoutRedirectUris())))) {
            return false;
        }
        clients.save(RegisteredClient.from(existing)
                .redirectUris(uris -> {
                    uris.clear();
                    uris.addAll(client.redirectUris());
                })
                .postLogoutRedirectUris(uris -> {
                    uris.clear();
                    uris.addAll(client.postLogoutRedirectUris());
                })
                .build());
        return true;
    }

    /** The client setting that keeps a client from authenticating (see {@link DisabledClients}). */
    public static final String DISABLED = "settings.qinqing.disabled";

    /** A registered client as administrators see it: never its secret. */
    public record ClientView(
            String clientId, String name, List<String> grantTypes, String role, String enterpriseId, boolean enabled) {}

    /** Whether an administrator disabled the client. */
    public static boolean isDisabled(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(DISABLED));
    }

    /** Every registered client, by client id. */
    public List<ClientView> all() {
        return jdbc.queryForList("SELECT id FROM oauth2_registered_client ORDER BY client_id", String.class).stream()
                .map(clients::findById)
                .filter(java.util.Objects::nonNull)
                .map(client -> {
                    var binding = ClientBinding.of(client);
                    return new ClientView(
                            client.getClientId(),
                            client.getClientName(),
                            client.getAuthorizationGrantTypes().stream()
                                    .map(AuthorizationGrantType::getValue)
                                    .sorted()
                                    .toList(),
                            binding.map(b -> b.role().name()).orElse(null),
                            binding.map(ClientBinding::enterpriseId).orElse(null),
                            !isDisabled(client));
                })
                .toList();
    }

    /** Whether there is a client with this id. */
    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    /**
     * Enables or disables a client. Disabling also ends its stored authorizations (refresh tokens, introspection of its
     * opaque state); access tokens already issued are self-contained and run out with their time to live.
     *
     * @return whether the client's state changed (false when it was already so)
     * @throws IllegalArgumentException when there is no such client
     */
    public boolean enable(String clientId, boolean enabled) {
        RegisteredClient existing = clients.findByClientId(clientId);
        if (existing == null) {
            throw new IllegalArgumentException("no client " + clientId);
        }
        if (isDisabled(existing) != enabled) {
            return false;
        }
        clients.save(RegisteredClient.from(existing)
                .clientSettings(
                        ClientSettings.withSettings(existing.getClientSettings().getSettings())
                                .setting(DISABLED, !enabled)
                                .build())
                .build());
        if (!enabled) {
            jdbc.update("DELETE FROM oauth2_authorization WHERE registered_client_id = ?", existing.getId());
        }
        return true;
    }

    /**
     * Gives a confidential client a new secret (stored hashed); the old one stops working at once.
     *
     * @return whether there is such a confidential client
     */
    public boolean changeSecret(String clientId, String rawSecret) {
        RegisteredClient existing = clients.findByClientId(clientId);
        if (existing == null || existing.getClientSecret() == null) {
            return false;
        }
        clients.save(RegisteredClient.from(existing)
                .clientSecret(passwordEncoder.encode(rawSecret))
                .build());
        return true;
    }

    RegisteredClient toRegisteredClient(NewClient client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId(client.clientId())
                .clientName(client.name());
        if (client.isPublic()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(passwordEncoder.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        client.grantTypes().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        client.redirectUris().forEach(builder::redirectUri);
        client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        client.scopes().forEach(builder::scope);

        ClientSettings.Builder settings =
                ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false);
        if (client.binding() != null) {
            client.binding().writeTo(settings);
        }
        builder.clientSettings(settings.build());
        builder.tokenSettings(TokenSettings.builder()
                .accessTokenTimeToLive(accessTokenTimeToLive)
                .refreshTokenTimeToLive(refreshTokenTimeToLive)
                .reuseRefreshTokens(false)
                .build());
        return builder.build();
    }
}
