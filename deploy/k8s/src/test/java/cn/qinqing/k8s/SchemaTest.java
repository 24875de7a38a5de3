package cn.qinqing.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders and every object in it reads into the Kubernetes API model without an unknown field. */
class SchemaTest {

    static List<String> overlays() {
        return RenderedManifests.overlays();
    }

    @Test
    void bothOverlaysExist() {
        assertThat(RenderedManifests.overlays()).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectMatchesTheApiSchema(String overlay) {
        List<ObjectNode> objects = RenderedManifests.render(overlay);

        assertThat(objects).hasSizeGreaterThan(20);
        assertThat(objects.stream().flatMap(object -> SchemaValidator.problems(object).stream()))
                .isEmpty();
    }

    @Test
    void aMisspeltFieldIsReported() {
        ObjectNode deployment = RenderedManifests.render("production").stream()
                .filter(object -> RenderedManifests.kind(object).equals("Deployment"))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));

        assertThat(SchemaValidator.problems(deployment))
                .singleElement()
                .asString()
                .contains(".spec.template.spec.containers[0]", "readinesProbe");
    }

    @Test
    void aValueOfTheWrongTypeIsReported() {
        ObjectNode deployment = RenderedManifests.parse(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: broken}
                        spec: {replicas: two}
                        """)
                .get(0);

        assertThat(SchemaValidator.problems(deployment))
                .singleElement()
                .asString()
                .contains("broken");
    }

    @Test
    void anUnknownKindIsReported() {
        ObjectNode secret = RenderedManifests.parse(
                        """
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: committed-by-mistake}
                        """)
                .get(0);

        assertThat(SchemaValidator.problems(secret)).singleElement().asString().contains("do not know");
    }
}
