package cn.qinqing.identity.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.WebUtils;

/**
 * Chinese (zh-CN) unless the visitor chose English: with {@code ?lang=en} on a page, or through the client, which may
 * send the OpenID Connect {@code ui_locales} parameter with its authorization request (honoured while the visitor has
 * not chosen here). The choice is kept in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<String> SUPPORTED = List.of("zh-CN", "en");
    private static final String COOKIE = "QINQING_IDP_LANG";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocale(CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ClientRequestedLocale()).addPathPatterns("/login");
        registry.addInterceptor(new SupportedLocaleChange());
    }

    /** English for a language tag that is English, Chinese for anything else. */
    static Locale supported(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }

    /** Takes {@code ?lang=}; any language but English counts as Chinese, the default. */
    static final class SupportedLocaleChange extends LocaleChangeInterceptor {

        SupportedLocaleChange() {
            setParamName("lang");
        }

        @Override
        protected Locale parseLocaleValue(String localeValue) {
            return supported(localeValue);
        }
    }

    /**
     * The first supported language of the {@code ui_locales} of the authorization request that sent the visitor to
     * the login page, unless they already chose a language here.
     */
    static final class ClientRequestedLocale implements HandlerInterceptor {

        private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getParameter("lang") != null || WebUtils.getCookie(request, COOKIE) != null) {
                return true;
            }
            SavedRequest authorization = savedRequests.getRequest(request, response);
            String[] uiLocales = authorization == null ? null : authorization.getParameterValues("ui_locales");
            if (uiLocales == null || uiLocales.length == 0) {
                return true;
            }
            for (String tag : uiLocales[0].trim().split("\\s+")) {
                String lower = tag.toLowerCase(Locale.ROOT);
                if (lower.startsWith("en") || lower.startsWith("zh")) {
                    LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                    if (resolver != null) {
                        resolver.setLocale(request, response, supported(tag));
                    }
                    break;
                }
            }
            return true;
        }
    }
}
