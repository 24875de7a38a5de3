package cn.qinqing.identity.client;

import java.time.Duration;
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
    private final PasswordEncoder passwordEncoder;
    private final Duration accessTokenTimeToLive;
    private final Duration refreshTokenTimeToLive;

    ClientRegistry(
            RegisteredClientRepository clients,
            PasswordEncoder passwordEncoder,
            @Value("${qinqing.identity.access-token-time-to-live:30m}") Duration accessTokenTimeToLive,
            @Value("${qinqing.identity.refresh-token-time-to-live:8h}") Duration refreshTokenTimeToLive) {
        this.clients = clients;
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
