package cn.qinqing.identity.token;

import cn.qinqing.identity.client.ClientBinding;
import cn.qinqing.identity.user.UserAccount;
import cn.qinqing.identity.user.UserDirectory;
import cn.qinqing.language.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts who the bearer is into access and ID tokens, in the claims every resource server reads: {@code roles} (a JSON
 * array with the one role), {@code enterprise_id} (USCC) for enterprises, {@code department_id} for officials and
 * department heads, {@code name}. A user's claims are read from the user directory at each issue, so a refresh picks
 * up changes and a disabled user gets no new tokens; a client's come from its binding.
 */
@Component
class QinqingClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String ENTERPRISE_ID = "enterprise_id";
    static final String DEPARTMENT_ID = "department_id";
    static final String NAME = "name";
    static final String PREFERRED_USERNAME = "preferred_username";

    private final UserDirectory users;

    QinqingClaims(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ClientBinding.of(context.getRegisteredClient()).ifPresent(binding -> {
                put(claims, binding.role(), binding.enterpriseId(), binding.departmentId());
                claims.claim(NAME, context.getRegisteredClient().getClientName());
            });
            return;
        }
        String username = context.getPrincipal().getName();
        UserAccount user = users.find(username)
                .filter(UserAccount::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_GRANT, "The user no longer exists or is disabled", null)));
        put(claims, user.role(), user.enterpriseId(), user.departmentId());
        claims.claim(NAME, user.displayName());
        if (idToken) {
            claims.claim(PREFERRED_USERNAME, user.username());
        }
    }

    private static void put(JwtClaimsSet.Builder claims, Role role, String enterpriseId, String departmentId) {
        // an ArrayList: the authorization store keeps the claims as typed JSON and reads back only allow-listed types
        // (List.of's class is not one of them)
        claims.claim(ROLES, new ArrayList<>(List.of(role.name())));
        if (enterpriseId != null) {
            claims.claim(ENTERPRISE_ID, enterpriseId);
        }
        if (departmentId != null) {
            claims.claim(DEPARTMENT_ID, departmentId);
        }
    }
}
