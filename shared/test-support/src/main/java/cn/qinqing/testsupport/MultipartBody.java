package cn.qinqing.testsupport;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} request body built by hand, as a browser sends it: JSON parts and file parts. */
public final class MultipartBody {

    private final String boundary = "qinqing-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public MultipartBody json(String name, Object value) {
        return part(name, null, "application/json", HttpApi.json(value).getBytes(StandardCharsets.UTF_8));
    }

    public MultipartBody file(String name, String fileName, String contentType, byte[] content) {
        return part(name, fileName, contentType, content);
    }

    private MultipartBody part(String name, String fileName, String contentType, byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
        head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            // as browsers do: the name in UTF-8 inside the quotes
            head.append("; filename=\"").append(fileName.replace("\"", "%22")).append('"');
        }
        head.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        ByteArrayOutputStream complete = new ByteArrayOutputStream();
        complete.writeBytes(body.toByteArray());
        complete.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(complete.toByteArray());
    }
}
