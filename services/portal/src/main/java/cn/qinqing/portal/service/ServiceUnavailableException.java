package cn.qinqing.portal.service;

/** A service did not answer, or answered with a server error: the page says so, kindly, and nothing was lost. */
public final class ServiceUnavailableException extends RuntimeException {

    private final String service;

    public ServiceUnavailableException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
