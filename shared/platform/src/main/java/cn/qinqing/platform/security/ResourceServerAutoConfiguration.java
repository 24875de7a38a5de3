package cn.qinqing.platform.security;

import cn.qinqing.platform.web.Problems;
import cn.qinqing.platform.web.SecurityHeaders;
import cn.qinqing.web.ScrapeAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every service is an OAuth2 resource server for the identity provider's JWTs, and default-deny: a request is let
 * through only when the service's {@link AuthorizationPolicy} names its method and path and the caller's role.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
public class ResourceServerAutoConfiguration {

    /** Every service's JWT decoder remembers the tokens it accepted until they expire ({@link CachingJwtDecoder}). */
    @Bean
    static BeanPostProcessor qinqingJwtDecoderCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, Clock.systemUTC())
                        : bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(Actor.ROLES_CLAIM);
            return roles == null
                    ? List.<GrantedAuthority>of()
                    : roles.stream()
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                            .toList();
        });
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnBean(AuthorizationPolicy.class)
    SecurityFilterChain qinqingApiSecurity(
            HttpSecurity http,
            ObjectProvider<AuthorizationPolicy> policies,
            JwtAuthenticationConverter converter,
            ObjectMapper mapper,
            Environment environment)
            throws Exception {
        // metrics without a token, only for a scraper on the operator's network (docs/operations.md, Metrics)
        ScrapeAccess scrapers = ScrapeAccess.from(environment.getProperty(ScrapeAccess.PROPERTY, ScrapeAccess.DEFAULT));
        http.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies, nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    requests.requestMatchers(request -> ScrapeAccess.isScrapePath(request) && scrapers.allows(request))
                            .permitAll();
                    requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
                    requests.requestMatchers("/error").permitAll();
                    policies.orderedStream()
                            .flatMap(policy -> policy.rules().stream())
                            .forEach(rule -> {
                                var matcher = requests.requestMatchers(rule.method(), rule.pattern());
                                if (rule.isPublic()) {
                                    matcher.permitAll();
                                } else {
                                    matcher.hasAnyRole(rule.roles().stream()
                                            .map(Enum::name)
                                            .toArray(String[]::new));
                                }
                            });
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(Problems.entryPoint(mapper))
                        .accessDeniedHandler(Problems.accessDenied(mapper)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(Problems.entryPoint(mapper))
                        .accessDeniedHandler(Problems.accessDenied(mapper)))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
