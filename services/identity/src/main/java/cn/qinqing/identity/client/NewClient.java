package cn.qinqing.identity.client;

import java.util.List;
import java.util.Objects;

/**
 * A client to register.
 *
 * @param secret the raw secret of a confidential client (stored hashed); {@code null} for a public client, which must
 *     use PKCE
 * @param grantTypes {@code authorization_code}, {@code refresh_token} (confidential clients only), {@code
 *     client_credentials}
 * @param binding for client credentials: the role (and enterprise or department) the client acts as; may be null
 */
public record NewClient(
        String clientId,
        String name,
        String secret,
        List<String> grantTypes,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        List<String> scopes,
        ClientBinding binding) {

    public NewClient {
        Objects.requireNonNull(clientId, "clientId");
        name = name == null ? clientId : name;
        grantTypes = List.copyOf(Objects.requireNonNull(grantTypes, "grantTypes"));
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        if (grantTypes.isEmpty()) {
            throw new IllegalArgumentException("client " + clientId + " needs at least one grant type");
        }
        if (secret == null && grantTypes.contains("client_credentials")) {
            throw new IllegalArgumentException("client " + clientId + ": client credentials need a secret");
        }
        if (secret == null && grantTypes.contains("refresh_token")) {
            // what Spring Authorization Server does anyway; registered, it would promise what the provider never gives
            throw new IllegalArgumentException("client " + clientId + ": a public client gets no refresh token"
                    + " (nothing binds it to the client that holds it, RFC 9700 section 4.14); it signs in again");
        }
        if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()) {
            throw new IllegalArgumentException("client " + clientId + ": the code flow needs a redirect URI");
        }
    }

    public boolean isPublic() {
        return secret == null;
    }
}
