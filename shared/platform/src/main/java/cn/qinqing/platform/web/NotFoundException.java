package cn.qinqing.platform.web;

/**
 * Answered as 404. Also used for what exists but belongs to another enterprise or department, so that a caller
 * cannot learn what others have.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
