package cn.qinqing.appeals.open311;

import org.springframework.http.HttpStatus;

/** A request the facade refuses, answered in GeoReport's own error shape ({@link Open311Errors}). */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final GeoReport.Format format;

    Open311Exception(HttpStatus status, String description, GeoReport.Format format) {
        super(description);
        this.status = status;
        this.format = format;
    }

    static Open311Exception badRequest(String description, GeoReport.Format format) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description, format);
    }

    static Open311Exception forbidden(String description, GeoReport.Format format) {
        return new Open311Exception(HttpStatus.FORBIDDEN, description, format);
    }

    HttpStatus status() {
        return status;
    }

    GeoReport.Format format() {
        return format;
    }
}
