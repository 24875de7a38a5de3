package cn.qinqing.identity.config;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese (zh-CN) unless the visitor chose English with {@code ?lang=en}; the choice is kept in a cookie. */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("QINQING_IDP_LANG");
        resolver.setDefaultLocale(CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleChange());
    }

    /** Takes {@code ?lang=}; any language but English counts as Chinese, the default. */
    static final class SupportedLocaleChange extends LocaleChangeInterceptor {

        SupportedLocaleChange() {
            setParamName("lang");
        }

        @Override
        protected Locale parseLocaleValue(String localeValue) {
            Locale asked = super.parseLocaleValue(localeValue);
            return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : CHINESE;
        }
    }
}
