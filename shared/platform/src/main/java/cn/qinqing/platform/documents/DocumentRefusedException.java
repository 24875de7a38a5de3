package cn.qinqing.platform.documents;

import org.springframework.http.HttpStatus;

/**
 * An uploaded file the platform will not keep: too large (413) or of a type it does not accept (415). Answered as a
 * problem that names the form field, like any refused request; nothing is stored and no event is written.
 */
public class DocumentRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    DocumentRefusedException(HttpStatus status, String type, String field, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public static DocumentRefusedException tooLarge(String field, String message) {
        return new DocumentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", field, message);
    }

    public static DocumentRefusedException unsupportedType(String field, String message) {
        return new DocumentRefusedException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document-type-not-accepted", field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
