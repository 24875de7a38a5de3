package cn.qinqing.appeals.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A GeoReport client that knows nothing of Qinqing drives the facade the way the specification tells clients to:
 * from the discovery document to the endpoint, the service list, a service's definition, a POST built from that
 * definition's required attributes, and the request read back by its id. No Java or JavaScript Open311 client is
 * published on Maven Central or npm (ADR 0011), so this one is the JDK's own HTTP client and XML parser (XPath):
 * nothing of the server's Jackson, nor of the project's test HTTP helper.
 */
class GeoReportClientIT extends AppealsApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient();
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @Test
    void aClientFollowsDiscoveryToAServiceFilesARequestAndReadsItBack() throws Exception {
        Document discovery = get("http://127.0.0.1:" + port + "/open311/v2/discovery.xml");
        String endpoint = text(discovery, "/discovery/endpoints/endpoint[type='production']/url");
        assertThat(text(discovery, "/discovery/endpoints/endpoint/specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat((NodeList) xpath.evaluate("//formats/format[.='text/xml']", discovery, XPathConstants.NODESET))
                .matches(list -> list.getLength() == 1);

        Document services = get(endpoint + "/services.xml");
        String code = text(services, "/services/service[service_name='用电用能']/service_code");
        assertThat(text(services, "/services/service[service_code='" + code + "']/metadata"))
                .isEqualTo("true");

        Document definition = get(endpoint + "/services/" + code + ".xml");
        NodeList required = (NodeList) xpath.evaluate(
                "/service_definition/attributes/attribute[required='true']/code", definition, XPathConstants.NODESET);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", userA);
        form.put("service_code", code);
        form.put("description", "第三方客户端提交：园区道路照明不足。");
        for (int i = 0; i < required.getLength(); i++) {
            String attribute = required.item(i).getTextContent();
            String firstValue = text(
                    definition,
                    "/service_definition/attributes/attribute[code='" + attribute + "']/values/value[1]/key");
            form.put("attribute[" + attribute + "]", firstValue.isEmpty() ? "第三方客户端的诉求" : firstValue);
        }
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(endpoint + "/requests.xml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = text(parse(created.body()), "/service_requests/request/service_request_id");
        assertThat(id).isNotBlank();

        org.awaitility.Awaitility.await()
                .until(() -> !text(get(endpoint + "/requests/" + id + ".xml"), "/service_requests/request/status")
                        .isEmpty());
        Document read = get(endpoint + "/requests/" + id + ".xml?api_key=" + userA);
        assertThat(text(read, "/service_requests/request/status")).isEqualTo("open");
        assertThat(text(read, "/service_requests/request/service_code")).isEqualTo(code);
        assertThat(text(read, "/service_requests/request/description")).contains("园区道路照明不足");
    }

    private Document get(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return parse("<nothing/>");
        }
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        return parse(response.body());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private String text(Document document, String path) throws Exception {
        return xpath.evaluate(path, document);
    }
}
