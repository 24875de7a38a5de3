package cn.qinqing.identity.config;

import cn.qinqing.identity.client.DisabledClients;
import cn.qinqing.identity.token.UserInfoClaims;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The OAuth 2.1 / OpenID Connect endpoints (authorize, token, JWK set, discovery, userinfo, revocation,
 * introspection, logout), with clients, authorizations and consents stored in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, UserInfoClaims userInfoClaims)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer =
                OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        // a disabled client authenticates nowhere, so it gets no token of any grant
                        .clientAuthentication(clients -> clients.authenticationProviders(
                                providers -> providers.replaceAll(DisabledClients::refusing)))
                        .oidc(oidc -> oidc.providerConfigurationEndpoint(
                                        discovery -> discovery.providerConfigurationCustomizer(configuration ->
                                                configuration.claim("ui_locales_supported", LocaleConfig.SUPPORTED)))
                                .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(userInfoClaims))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a person who is not signed in yet is sent to the login page; API callers get 401
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // the userinfo endpoint accepts this server's own access tokens
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {}));
        SecurityHeaders.apply(http);
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /**
     * The sign-in sessions the authorization server knows: the one answering the token request names the person's
     * session in the ID token ({@code sid}), and {@code /connect/logout} refuses a token whose {@code sid} is not the
     * session it knows. Spring Session's rows in PostgreSQL, not each instance's memory: with two instances behind
     * HAProxy, a code exchanged on the other instance than the sign-in's gave a token without {@code sid}, and the
     * sign-out was refused with 400 (issue 18; {@code AuthorizationCodeFlowIT}).
     */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }
}
