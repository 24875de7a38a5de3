package cn.qinqing.portal.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The platform's icon: every page names {@code /favicon.svg}; a browser that asks for {@code /favicon.ico} anyway (a
 * page without a head, a JSON answer opened in a tab) is sent there instead of answered 404.
 */
@Configuration(proxyBeanMethods = false)
class IconConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/favicon.ico", "/favicon.svg").setStatusCode(HttpStatus.MOVED_PERMANENTLY);
    }
}
