package cn.qinqing.assignment.directory.web;

/** What the directory's controllers share. */
final class DirectoryWeb {

    /** {@code <position of the directory's read model>/<head of the event store>}. */
    static final String FRESHNESS = "X-Read-Model-Position";

    private DirectoryWeb() {}
}
