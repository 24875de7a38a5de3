package cn.qinqing.identity.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * What the OpenID Connect UserInfo endpoint answers: the subject with the same role, enterprise, department and name
 * claims as the ID token it was issued with.
 */
@Component
public class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private static final List<String> SHARED = List.of(
            StandardClaimNames.SUB,
            QinqingClaims.NAME,
            QinqingClaims.PREFERRED_USERNAME,
            QinqingClaims.ROLES,
            QinqingClaims.ENTERPRISE_ID,
            QinqingClaims.DEPARTMENT_ID);

    UserInfoClaims() {}

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, authorization.getPrincipalName());
        if (idToken != null) {
            SHARED.forEach(name -> {
                Object value = idToken.getToken().getClaims().get(name);
                if (value != null) {
                    claims.put(name, value);
                }
            });
        }
        return new OidcUserInfo(claims);
    }
}
