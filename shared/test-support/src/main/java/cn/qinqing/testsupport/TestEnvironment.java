package cn.qinqing.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Points every Spring application started in a test JVM at that JVM's test database and test identity provider, in
 * front of the application's own configuration. A test that starts a whole service as another process passes these
 * properties on the command line instead.
 */
public class TestEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("false".equals(environment.getProperty("qinqing.test.environment"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("qinqing-test", properties()));
        environment.getPropertySources().addFirst(new ObjectStoreProperty());
    }

    /**
     * The object store's endpoint for a service that keeps documents: asking for it starts {@link TestObjectStore}, so
     * the tests of services without documents never start one.
     */
    static final class ObjectStoreProperty extends PropertySource<Object> {

        static final String NAME = "qinqing.documents.endpoint";

        ObjectStoreProperty() {
            super("qinqing-test-object-store");
        }

        @Override
        public Object getProperty(String name) {
            return NAME.equals(name) ? TestObjectStore.get().endpoint().toString() : null;
        }
    }

    /** The properties a service under test needs: database and token issuer. */
    public static Map<String, Object> properties() {
        TestDatabase database = TestDatabase.get();
        TestIdentityProvider identity = TestIdentityProvider.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", "");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", identity.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.jwkSetUri());
        return properties;
    }
}
