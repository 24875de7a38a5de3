package cn.qinqing.platform.web;

/** An update came without {@code If-Match}: answered as 428, so that no client overwrites what it has not seen. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException() {
        super("This update needs an If-Match header with the version you last read (its ETag).");
    }
}
