package cn.qinqing.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese (zh-CN) unless the visitor chose English with {@code ?lang=en}; the choice is remembered in the cookie
 * {@code QINQING_PORTAL_LANG} for a year. The browser's Accept-Language is not consulted: the city's site is Chinese
 * first, and one click switches.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfig implements WebMvcConfigurer {

    public static final String COOKIE = "QINQING_PORTAL_LANG";
    public static final String PARAMETER = "lang";
    /** Times are stored as instants and shown in the city's time zone. */
    public static final TimeZone SHANGHAI = TimeZone.getTimeZone("Asia/Shanghai");

    @Bean
    public LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName(PARAMETER);
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** English for any English tag, Chinese (zh-CN) for everything else. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static final class SupportedLocaleResolver extends CookieLocaleResolver {
        SupportedLocaleResolver() {
            super(COOKIE);
            setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieHttpOnly(true);
            setCookieSecure(true);
            setCookieSameSite("Lax");
            setRejectInvalidCookies(true);
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            // lazy, as the parent's: a ?lang= switch later in the same request is seen by LocaleContextHolder too
            LocaleContext chosen = super.resolveLocaleContext(request);
            return new TimeZoneAwareLocaleContext() {
                @Override
                public Locale getLocale() {
                    return supported(chosen.getLocale());
                }

                @Override
                public TimeZone getTimeZone() {
                    return SHANGHAI;
                }
            };
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}
