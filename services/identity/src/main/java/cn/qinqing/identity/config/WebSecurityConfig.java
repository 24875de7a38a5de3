package cn.qinqing.identity.config;

import cn.qinqing.identity.login.LoginAuthentication;
import cn.qinqing.web.HeadersOnEveryAnswer;
import cn.qinqing.web.RefusalPageValve;
import cn.qinqing.web.ScrapeAccess;
import cn.qinqing.web.SecureErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything that is not an authorization server endpoint: the login form, static assets and the health check are
 * public; the rest needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain webFilterChain(HttpSecurity http, LoginAuthentication login, Environment environment)
            throws Exception {
        // metrics without a sign-in, only for a scraper on the operator's network (docs/operations.md, Metrics)
        ScrapeAccess scrapers = ScrapeAccess.from(environment.getProperty(ScrapeAccess.PROPERTY, ScrapeAccess.DEFAULT));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                request -> ScrapeAccess.isScrapePath(request) && scrapers.allows(request))
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/css/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(login.manager())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        SecurityHeaders.apply(http);
        return http.build();
    }

    /**
     * The same headers on answers that the security filter chain never writes on: the error page that the
     * authorization server's endpoints send their refusals to, and requests it rejects before its header writer runs.
     */
    @Bean
    FilterRegistrationBean<HeadersOnEveryAnswer> securityHeadersOnEveryAnswer() {
        return HeadersOnEveryAnswer.registration(SecurityHeaders.ALL);
    }

    /** The same headers on requests Tomcat refuses before any filter runs (a header over its limit, a bad path). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusalPages() {
        return SecureErrorReportValve.insteadOfTomcats(() -> new RefusalPageValve(
                SecurityHeaders.ALL,
                new RefusalPageValve.Look(
                        "/css/identity.css",
                        "card",
                        "message error",
                        "<a href=\"/login\">返回登录页 · Back to sign-in</a>")));
    }

    /** Hashes passwords and client secrets with bcrypt, tagged ({bcrypt}) so that a later encoder can take over. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
