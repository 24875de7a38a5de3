package cn.qinqing.k8s;

import static cn.qinqing.k8s.RenderedManifests.kind;
import static cn.qinqing.k8s.RenderedManifests.name;
import static cn.qinqing.k8s.RenderedManifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own policy over the rendered YAML of every overlay (the rules a scanner such as checkov applies to
 * workloads, written out here because the scanner is not installable on these machines): every container runs as
 * non-root without privilege escalation on a read-only root file system with all capabilities dropped, has probes,
 * requests and limits, and a pinned image; every Deployment has a PodDisruptionBudget, a NetworkPolicy of its own, a
 * Service and Prometheus' annotations; no Secret is in the manifests.
 */
class PolicyTest {

    static List<String> overlays() {
        return RenderedManifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentFollowsThePolicy(String overlay) {
        List<ObjectNode> objects = RenderedManifests.render(overlay);
        List<ObjectNode> deployments = ofKind(objects, "Deployment");

        assertThat(deployments).hasSize(9);
        assertThat(deployments.stream().flatMap(deployment -> violations(deployment, objects).stream()))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretIsCommitted(String overlay) {
        assertThat(RenderedManifests.render(overlay).stream().map(RenderedManifests::kind))
                .doesNotContain("Secret");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyAutoscalerTargetsADeployment(String overlay) {
        List<ObjectNode> objects = RenderedManifests.render(overlay);
        List<String> deployments = ofKind(objects, "Deployment").stream()
                .map(RenderedManifests::name)
                .toList();

        assertThat(ofKind(objects, "HorizontalPodAutoscaler"))
                .isNotEmpty()
                .allSatisfy(hpa -> assertThat(deployments)
                        .contains(hpa.at("/spec/scaleTargetRef/name").asText()))
                .allSatisfy(
                        hpa -> assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2));
    }

    @org.junit.jupiter.api.Test
    void productionDatabaseIsThreeInstancesWithASynchronousStandbyAndNightlyBackups() {
        List<ObjectNode> objects = RenderedManifests.render("production");
        JsonNode cluster = ofKind(objects, "Cluster").get(0);

        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(cluster.at("/spec/postgresql/synchronous/number").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText())
                .startsWith("s3://");
        assertThat(ofKind(objects, "ScheduledBackup")).singleElement().satisfies(backup -> assertThat(
                        backup.at("/spec/cluster/name").asText())
                .isEqualTo(name(cluster)));
    }

    @org.junit.jupiter.api.Test
    void aViolationIsFound() {
        List<ObjectNode> objects = RenderedManifests.render("production");
        ObjectNode deployment = ofKind(objects, "Deployment").get(0).deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.put("image", "qinqing/qinqing-portal:latest");
        container.remove("livenessProbe");
        ((ObjectNode) deployment.at("/spec/template/spec")).remove("securityContext");
        ((ObjectNode) deployment.at("/spec/template/metadata/labels")).put("app.kubernetes.io/name", "stray");

        assertThat(violations(deployment, objects))
                .anyMatch(violation -> violation.contains("latest"))
                .anyMatch(violation -> violation.contains("livenessProbe"))
                .anyMatch(violation -> violation.contains("runAsNonRoot"))
                .anyMatch(violation -> violation.contains("PodDisruptionBudget"))
                .anyMatch(violation -> violation.contains("NetworkPolicy"));
    }

    static List<String> violations(JsonNode deployment, List<ObjectNode> objects) {
        List<String> violations = new ArrayList<>();
        String where = "Deployment " + name(deployment);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode labels = deployment.at("/spec/template/metadata/labels");

        JsonNode podSecurity = pod.path("securityContext");
        for (JsonNode container : iterable(pod.path("containers"))) {
            String at = where + " container " + container.path("name").asText() + ": ";
            JsonNode security = container.path("securityContext");
            boolean nonRoot = security.path("runAsNonRoot")
                    .asBoolean(podSecurity.path("runAsNonRoot").asBoolean());
            int user = security.path("runAsUser")
                    .asInt(podSecurity.path("runAsUser").asInt(0));
            if (!nonRoot || user == 0) {
                violations.add(at + "runAsNonRoot with a non-zero runAsUser");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(at + "allowPrivilegeEscalation: false");
            }
            if (security.path("privileged").asBoolean(false)) {
                violations.add(at + "privileged");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(at + "readOnlyRootFilesystem: true");
            }
            if (!contains(security.at("/capabilities/drop"), "ALL")) {
                violations.add(at + "capabilities drop ALL");
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                if (container.path(probe).isMissingNode()) {
                    violations.add(at + "no " + probe);
                }
            }
            String readiness = container.at("/readinessProbe/httpGet/path").asText();
            if (!readiness.equals("/actuator/health/readiness")) {
                violations.add(at + "readinessProbe on /actuator/health/readiness, not " + readiness);
            }
            for (String resource : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                if (container.at("/resources/" + resource).isMissingNode()) {
                    violations.add(at + "no resources." + resource.replace('/', '.'));
                }
            }
            String image = container.path("image").asText();
            String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1);
            if (!tag.equals("digest") && (!tag.contains(":") || tag.endsWith(":latest"))) {
                violations.add(at + "image " + image + " needs a version tag or digest, never latest or none");
            }
        }
        if (!pod.path("automountServiceAccountToken").isBoolean()
                || pod.path("automountServiceAccountToken").asBoolean()) {
            violations.add(where + ": automountServiceAccountToken: false (the services never call the API)");
        }
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        if (!annotations.path("prometheus.io/scrape").asText().equals("true")
                || !annotations.path("prometheus.io/path").asText().equals("/actuator/prometheus")) {
            violations.add(where + ": Prometheus scrape annotations on /actuator/prometheus");
        }
        if (ofKind(objects, "PodDisruptionBudget").stream()
                .noneMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), labels))) {
            violations.add(where + ": no PodDisruptionBudget selects its pods");
        }
        if (ofKind(objects, "NetworkPolicy").stream()
                .noneMatch(policy -> policy.at("/spec/podSelector/matchLabels").size() > 0
                        && selects(policy.at("/spec/podSelector/matchLabels"), labels)
                        && policy.at("/spec/ingress").size() > 0)) {
            violations.add(where + ": no NetworkPolicy of its own says who may reach its pods");
        }
        if (ofKind(objects, "Service").stream().noneMatch(service -> selects(service.at("/spec/selector"), labels))) {
            violations.add(where + ": no Service");
        }
        return violations;
    }

    /** A label selector's matchLabels (non-empty) all present in {@code labels}. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.size() == 0) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : iterable(array)) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }

    @SuppressWarnings("unused")
    private static String describe(JsonNode object) {
        return kind(object) + " " + name(object);
    }
}
