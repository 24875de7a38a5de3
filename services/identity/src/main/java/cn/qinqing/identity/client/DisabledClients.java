package cn.qinqing.identity.client;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * Keeps a disabled client from authenticating at the token, introspection and revocation endpoints: it wraps each of
 * the authorization server's client authentication providers (secret, PKCE for public clients, assertions) and refuses
 * a client whose settings say {@link ClientRegistry#DISABLED}, with {@code invalid_client}, so it gets no token of any
 * grant and cannot refresh one.
 */
public final class DisabledClients implements AuthenticationProvider {

    private final AuthenticationProvider delegate;

    private DisabledClients(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    /** The provider, refusing disabled clients after it authenticated them. */
    public static AuthenticationProvider refusing(AuthenticationProvider delegate) {
        return new DisabledClients(delegate);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication authenticated = delegate.authenticate(authentication);
        if (authenticated instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null
                && ClientRegistry.isDisabled(client.getRegisteredClient())) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "The client is disabled.", null));
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
