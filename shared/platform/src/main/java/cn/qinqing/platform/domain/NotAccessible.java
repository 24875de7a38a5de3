package cn.qinqing.platform.domain;

/**
 * The caller may not see or change this aggregate (it belongs to another enterprise or department). Answered as 404,
 * exactly like an id that does not exist, so that nobody learns what others have.
 */
public class NotAccessible extends RuntimeException {
    public NotAccessible(String what) {
        super(what + " is not accessible to the caller");
    }
}
