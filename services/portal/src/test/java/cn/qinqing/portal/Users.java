package cn.qinqing.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/** Signed-in demo users for controller tests, with the ID token claims the identity service gives them. */
public final class Users {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";

    /** The portal's registration id, so that sign-out finds the provider's logout endpoint. */
    static final ClientRegistration REGISTRATION = ClientRegistration.withRegistrationId("qinqing")
            .clientId("qinqing-portal")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("http://localhost:9000/oauth2/authorize")
            .tokenUri("http://localhost:9000/oauth2/token")
            .build();

    private Users() {}

    public static OidcLoginRequestPostProcessor enterpriseA() {
        return user("enterprise-a", "ENTERPRISE", ENTERPRISE_A, null);
    }

    public static OidcLoginRequestPostProcessor official() {
        return user("official", "OFFICIAL", null, "industry-it");
    }

    public static OidcLoginRequestPostProcessor dispatcher() {
        return user("dispatcher", "DISPATCHER", null, null);
    }

    public static OidcLoginRequestPostProcessor leader() {
        return user("leader", "LEADER", null, null);
    }

    public static OidcLoginRequestPostProcessor supervisor() {
        return user("supervisor", "SUPERVISOR", null, null);
    }

    public static OidcLoginRequestPostProcessor user(
            String username, String role, String enterprise, String department) {
        return oidcLogin()
                .clientRegistration(REGISTRATION)
                .idToken(token -> {
                    token.subject(username)
                            .claim("preferred_username", username)
                            .claim("name", username + " (test)")
                            .claim("roles", List.of(role));
                    if (enterprise != null) {
                        token.claim("enterprise_id", enterprise);
                    }
                    if (department != null) {
                        token.claim("department_id", department);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
