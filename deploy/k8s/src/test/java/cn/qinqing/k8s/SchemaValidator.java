package cn.qinqing.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rendered object into fabric8's model of the Kubernetes API (generated from the API server's OpenAPI
 * schemas): a value of the wrong type fails to read, and a field the API does not know lands in the model's
 * "additional properties", which this class reports with its path (a misspelt {@code readinesProbe} would otherwise be
 * dropped by the API server without a word). Kinds from operators (CloudNativePG) are checked for the fields Qinqing
 * relies on, as the model has no schema for them.
 */
final class SchemaValidator {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** apiVersion + kind → the model class; anything else is refused, so that a new kind gets a decision. */
    private static final Map<String, Class<?>> MODEL = Map.ofEntries(
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry(
                    "policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry(
                    "networking.k8s.io/v1/NetworkPolicy",
                    io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry(
                    "autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class));

    /** Custom resources of the CloudNativePG operator, with the fields their spec must have. */
    private static final Map<String, List<String>> CUSTOM = Map.of(
            "postgresql.cnpg.io/v1/Cluster", List.of("/spec/instances", "/spec/storage/size", "/spec/bootstrap/initdb"),
            "postgresql.cnpg.io/v1/ScheduledBackup", List.of("/spec/schedule", "/spec/cluster/name"));

    private SchemaValidator() {}

    /** What is wrong with {@code object}; empty when it reads into the API model in full. */
    static List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + RenderedManifests.kind(object);
        String where = type + " " + RenderedManifests.name(object);
        List<String> problems = new ArrayList<>();
        if (RenderedManifests.name(object).isEmpty()) {
            problems.add(where + ": no metadata.name");
        }
        Class<?> model = MODEL.get(type);
        if (model != null) {
            try {
                Object typed = JSON.treeToValue(object, model);
                unknownFields(typed, "", problems, new IdentityHashMap<>());
            } catch (JsonProcessingException e) {
                problems.add(where + ": " + e.getOriginalMessage());
            }
        } else if (CUSTOM.containsKey(type)) {
            for (String field : CUSTOM.get(type)) {
                if (object.at(field).isMissingNode()) {
                    problems.add(where + ": no " + field);
                }
            }
        } else {
            problems.add(where + ": a kind the manifests' tests do not know; add it to SchemaValidator");
        }
        return problems.stream()
                .map(problem -> problem.startsWith(where) ? problem : where + ": " + problem)
                .toList();
    }

    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add((path.isEmpty() ? "." : path) + ": fields the API does not know: "
                            + Set.copyOf(extra.keySet()));
                }
            } else {
                String property = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                unknownFields(field, path + "." + property, problems, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
