package cn.qinqing.language.appeal;

/**
 * Metadata of a file the enterprise attached: the file itself lives in the city's document store, the appeal keeps
 * what identifies it.
 */
public record AttachmentRef(String name, String mediaType, long sizeBytes, String sha256) {}
