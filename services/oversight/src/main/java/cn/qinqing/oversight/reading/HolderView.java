package cn.qinqing.oversight.reading;

/** Who holds an appeal, with the name people know. */
public record HolderView(String kind, String id, String name) {}
