package cn.qinqing.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What CI checks of the images without building them (building the Debian base takes minutes here; the images are
 * inspected by ImageInspectionIT with {@code -Pimages}): the Jib configuration of the images profile, that every
 * service module builds an image on its own port, and that the manifests run those images on those ports.
 */
class ImageConfigTest {

    private static final Path ROOT =
            RenderedManifests.k8sDirectory().resolve("../..").normalize();

    static List<String> services() throws Exception {
        List<String> services = new ArrayList<>();
        Matcher module = Pattern.compile("<module>services/([a-z-]+)</module>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            services.add(module.group(1));
        }
        return services;
    }

    @Test
    void theImagesProfileBuildsNonRootImagesSizedFromTheContainerOnTheDebianBase() throws Exception {
        Element jib = plugin(profile(xml(ROOT.resolve("pom.xml")), "images"), "jib-maven-plugin");

        assertThat(text(jib, "from", "image")).isEqualTo("tar://${qinqing.root}/deploy/images/target/qinqing-base.tar");
        assertThat(text(jib, "container", "user")).isEqualTo("10001:10001");
        assertThat(texts(jib, "jvmFlag")).contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp");
        assertThat(text(jib, "container", "labels", "org.opencontainers.image.version"))
                .isEqualTo("${project.version}");
        assertThat(text(jib, "container", "labels", "org.opencontainers.image.revision"))
                .isEqualTo("${git.commit.id}");
        assertThat(text(jib, "outputPaths", "tar")).isEqualTo("${project.build.directory}/jib-image.tar");
        assertThat(Files.readString(ROOT.resolve("deploy/images/base.sh")))
                .contains("mmdebstrap", "openjdk-17-jre-headless", "tzdata", "fonts-wqy-zenhei", "uid=10001");
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceBuildsAnImageOnItsPortAndTheManifestsRunIt(String service) throws Exception {
        Document pom = xml(ROOT.resolve("services/" + service + "/pom.xml"));
        String port =
                Files.readAllLines(ROOT.resolve("services/" + service + "/src/main/resources/application.yml")).stream()
                        .filter(line -> line.matches("\\s+port: \\d+"))
                        .findFirst()
                        .orElseThrow()
                        .trim()
                        .substring("port: ".length());

        assertThat(property(pom, "qinqing.image.skip")).isEqualTo("false");
        assertThat(property(pom, "qinqing.image.port")).isEqualTo(port);
        JsonNode container = RenderedManifests.render("production").stream()
                .filter(object -> RenderedManifests.kind(object).equals("Deployment")
                        && RenderedManifests.name(object).equals(service))
                .findFirst()
                .orElseThrow()
                .at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).contains("/qinqing-" + service + ":");
        assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(port);
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element profile(Document pom, String id) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (text(profile, "id").equals(id)) {
                return profile;
            }
        }
        throw new AssertionError("no profile " + id);
    }

    private static Element plugin(Element parent, String artifactId) {
        NodeList plugins = parent.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals(artifactId)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + artifactId);
    }

    private static String property(Document pom, String name) {
        NodeList found = pom.getDocumentElement().getElementsByTagName(name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
    }

    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            NodeList children = current.getElementsByTagName(name);
            if (children.getLength() == 0) {
                return "";
            }
            current = (Element) children.item(0);
        }
        return current.getTextContent().trim();
    }

    private static List<String> texts(Element element, String name) {
        List<String> values = new ArrayList<>();
        NodeList found = element.getElementsByTagName(name);
        for (int i = 0; i < found.getLength(); i++) {
            values.add(found.item(i).getTextContent().trim());
        }
        return values;
    }
}
