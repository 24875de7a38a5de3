package cn.qinqing.appeals.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GeoReport v2's documents, written as the specification shows them: JSON is the bare list (or object), XML wraps
 * the same list in a root element with one element per item, and nested lists ({@code attributes}, {@code values},
 * {@code endpoints}, {@code formats}) get one child element per entry. A document is ordered maps and lists of plain
 * values, so that one description serves both formats.
 */
final class GeoReport {

    /** The singular element of each nested list, as the specification's XML examples name them. */
    private static final Map<String, String> ITEMS = Map.of(
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** The formats the facade answers in, chosen by the path's suffix ({@code services.json}, {@code services.xml}). */
    enum Format {
        JSON(MediaType.APPLICATION_JSON),
        XML(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8));

        final MediaType mediaType;

        Format(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        /** The format a suffix names; an unknown one is a path this facade does not serve. */
        static Format of(String suffix) {
            return switch (suffix == null ? "" : suffix) {
                case "json" -> JSON;
                case "xml" -> XML;
                default ->
                    throw new Open311Exception(
                            HttpStatus.NOT_FOUND, "unknown format ." + suffix + ": use .json or .xml", JSON);
            };
        }

        /** The format of a request path, for answers (errors) written before a handler parsed its suffix. */
        static Format ofPath(String path) {
            return path != null && path.endsWith(".xml") ? XML : JSON;
        }
    }

    /**
     * One document.
     *
     * @param root the XML root element ({@code services}, {@code service_requests}, ...)
     * @param item the XML element of each entry when {@code body} is a list, or null when it is one object
     * @param body a list of maps, or a map
     */
    record Document(String root, String item, Object body) {}

    private GeoReport() {}

    static ResponseEntity<String> answer(HttpStatus status, Document document, Format format, ObjectMapper json) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, format.mediaType.toString())
                .body(format == Format.XML ? xml(document) : json(document, json));
    }

    static String json(Document document, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(document.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String xml(Document document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(document.root());
            if (document.body() instanceof List<?> items) {
                for (Object item : items) {
                    element(xml, document.item(), item);
                }
            } else {
                children(xml, (Map<?, ?>) document.body());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            children(xml, map);
        } else if (value instanceof List<?> list) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object entry : list) {
                element(xml, item, entry);
            }
        } else {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }

    private static void children(XMLStreamWriter xml, Map<?, ?> map) throws XMLStreamException {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            element(xml, entry.getKey().toString(), entry.getValue());
        }
    }
}
