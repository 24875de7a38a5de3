package cn.qinqing.identity.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The administration API ({@code /api/identity/**}: users and clients): bearer tokens this provider issued, role
 * {@code ADMIN} only (from the token's {@code roles} claim), no session, no cookie, so no CSRF.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, JwtDecoder tokens) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher("/api/identity/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(authentication)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        SecurityHeaders.apply(http);
        return http.build();
    }
}
