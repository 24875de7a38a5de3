package cn.qinqing.portal.config;

import cn.qinqing.portal.web.PortalUser;
import cn.qinqing.web.HeadersOnEveryAnswer;
import cn.qinqing.web.RefusalPageValve;
import cn.qinqing.web.ScrapeAccess;
import cn.qinqing.web.SecureErrorReportValve;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in through the identity provider (authorization code with PKCE), one area of pages per role, CSRF on every
 * form, a strict Content-Security-Policy (this origin only; no inline script or style) and sign-out at the provider.
 *
 * <p>The role areas only choose which pages a user is offered; what they may see and do is decided again by each
 * service's API, which receives the user's own access token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String SIGN_IN = "/oauth2/authorization/" + OidcClientConfig.REGISTRATION_ID;

    @Bean
    SecurityFilterChain portal(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            PortalProperties portal,
            LocaleResolver locales,
            Environment environment)
            throws Exception {
        // metrics without a sign-in, only for a scraper on the operator's network (docs/operations.md, Metrics)
        ScrapeAccess scrapers = ScrapeAccess.from(environment.getProperty(ScrapeAccess.PROPERTY, ScrapeAccess.DEFAULT));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                request -> ScrapeAccess.isScrapePath(request) && scrapers.allows(request))
                        .permitAll()
                        .requestMatchers(
                                "/",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.svg",
                                "/favicon.ico",
                                "/error",
                                "/error/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/enterprise/**")
                        .hasRole("ENTERPRISE")
                        .requestMatchers("/dispatcher/**")
                        .hasRole("DISPATCHER")
                        .requestMatchers("/official/**")
                        .hasRole("OFFICIAL")
                        .requestMatchers("/leader/**")
                        .hasRole("LEADER")
                        .requestMatchers("/supervisor/**")
                        .hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers("/appeals/*/chain")
                        .hasAnyRole("SUPERVISOR", "ADMIN", "LEADER")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/industry-chain")
                        .hasAnyRole("LEADER", "SUPERVISOR", "DISPATCHER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/projects")
                        .hasAnyRole("OFFICIAL", "LEADER", "ADMIN")
                        .requestMatchers("/projects/new")
                        .hasAnyRole("OFFICIAL", "LEADER", "ADMIN")
                        .requestMatchers("/projects", "/projects/**")
                        .hasAnyRole("ENTERPRISE", "OFFICIAL", "LEADER", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/markets/broker", "/markets/broker/**")
                        .hasAnyRole("DISPATCHER", "OFFICIAL", "LEADER", "ADMIN")
                        .requestMatchers("/markets/figures", "/markets/figures/**")
                        .hasAnyRole("DISPATCHER", "OFFICIAL", "LEADER", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/markets/posts/**", "/markets/matches/**")
                        .hasRole("ENTERPRISE")
                        .requestMatchers("/markets")
                        .hasAnyRole("ENTERPRISE", "DISPATCHER", "OFFICIAL", "LEADER", "SUPERVISOR", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/")
                        .authorizationEndpoint(endpoint ->
                                endpoint.authorizationRequestResolver(authorizationRequests(registrations, locales)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFromIdToken()))
                        .defaultSuccessUrl("/", false))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(entryPoint()).accessDeniedPage("/error/403"))
                .logout(logout -> logout.logoutSuccessHandler(providerLogout(registrations)))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(portal)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    /**
     * One origin for the pages when {@code qinqing.portal.public-url} is set (the local profile sets it): ahead of
     * Spring Security, so that sign-in starts from, and its session lives at, the address the provider knows.
     */
    @Bean
    @ConditionalOnProperty("qinqing.portal.public-url")
    FilterRegistrationBean<CanonicalHostFilter> canonicalHost(PortalProperties portal) {
        FilterRegistrationBean<CanonicalHostFilter> registration =
                new FilterRegistrationBean<>(new CanonicalHostFilter(portal.publicUrl()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * The same headers on answers that the security filter chain never writes on: the error page, and requests it
     * rejects before its header writer runs (a URL the firewall refuses).
     */
    @Bean
    FilterRegistrationBean<HeadersOnEveryAnswer> securityHeadersOnEveryAnswer(PortalProperties portal) {
        return HeadersOnEveryAnswer.registration(securityHeaders(portal));
    }

    /** The same headers on requests Tomcat refuses before any filter runs (a header over its limit, a bad path). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusalPages(PortalProperties portal) {
        return SecureErrorReportValve.insteadOfTomcats(() -> new RefusalPageValve(
                securityHeaders(portal),
                new RefusalPageValve.Look(
                        "/css/portal.css", "page error-page", "", "<a class=\"button\" href=\"/\">回到首页 · Home</a>")));
    }

    /** Header name → value, as every answer carries them. */
    private static Map<String, String> securityHeaders(PortalProperties portal) {
        return Map.of(
                "Content-Security-Policy", contentSecurityPolicy(portal),
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "same-origin");
    }

    /**
     * This origin only. Forms may also post to the identity provider's origin: signing out is a form here that ends
     * in a redirect there, and browsers apply {@code form-action} to redirects.
     */
    static String contentSecurityPolicy(PortalProperties portal) {
        URI issuer = URI.create(portal.issuer());
        String provider = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + provider + ";"
                + " frame-ancestors 'none'";
    }

    /**
     * Pages send the browser to the provider's sign-in; an htmx request (a fragment) is answered 401 instead, and the
     * page's script reloads so that the browser follows the sign-in as a whole page.
     */
    private static DelegatingAuthenticationEntryPoint entryPoint() {
        RequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request", "true");
        var entryPoints = new java.util.LinkedHashMap<
                RequestMatcher, org.springframework.security.web.AuthenticationEntryPoint>();
        entryPoints.put(htmx, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN));
        return entryPoint;
    }

    /** PKCE (the provider requires it of every client) and the page's language for the sign-in page. */
    private static OAuth2AuthorizationRequestResolver authorizationRequests(
            ClientRegistrationRepository registrations, LocaleResolver locales) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request ->
                        request.additionalParameters(parameters -> parameters.put("ui_locales", uiLocale(locales)))));
        return resolver;
    }

    private static String uiLocale(LocaleResolver locales) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Locale locale = locales.resolveLocale(request);
            return LocaleConfig.supported(locale).equals(Locale.ENGLISH) ? "en" : "zh-CN";
        }
        return "zh-CN";
    }

    /** The account's role, from the ID token's {@code roles} claim, as {@code ROLE_<role>}. */
    static GrantedAuthoritiesMapper rolesFromIdToken() {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    List<String> roles = oidc.getIdToken().getClaimAsStringList(PortalUser.ROLES_CLAIM);
                    if (roles != null) {
                        roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                    }
                }
            }
            return mapped;
        };
    }

    /** Signing out ends the provider's session too (RP-initiated logout), then comes back to the start page. */
    private static OidcClientInitiatedLogoutSuccessHandler providerLogout(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }
}
