package cn.qinqing.platform.openapi;

import cn.qinqing.platform.security.AuthorizationPolicy;
import java.util.LinkedHashMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The OpenAPI document each service serves at {@code /v3/api-docs}, made to say what the API really does (see
 * {@link QinqingApiDocument}): from the handlers' code, the service's authorization policy and its {@code
 * openapi/operations.yml}, with no annotation on the controllers.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    /** Reads each handler's code once, when springdoc builds its operation. */
    @Bean
    OperationCustomizer qinqingHandlerFacts() {
        return (operation, handlerMethod) -> {
            if (operation.getExtensions() == null) {
                operation.setExtensions(new LinkedHashMap<>());
            }
            operation
                    .getExtensions()
                    .put(
                            QinqingApiDocument.HANDLER,
                            new QinqingApiDocument.Handler(
                                    QinqingApiDocument.stem(ClassUtils.getUserClass(handlerMethod.getBeanType())),
                                    handlerMethod.getMethod().getName(),
                                    HandlerFacts.of(handlerMethod.getMethod())));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer qinqingApiDocument(
            @Value("${qinqing.service.name:qinqing}") String service,
            ObjectProvider<AuthorizationPolicy> policies,
            ResourceLoader resources) {
        return new QinqingApiDocument(
                service, policies.orderedStream().toList(), OperationNotes.load(resources.getClassLoader(), service));
    }

    /** The same document wherever it is served from: servers say "/", never the host and port of one request. */
    @Bean
    ServerBaseUrlCustomizer qinqingRelativeServer() {
        return (serverBaseUrl, request) -> "/";
    }
}
