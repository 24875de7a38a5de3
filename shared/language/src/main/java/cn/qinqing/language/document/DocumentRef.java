package cn.qinqing.language.document;

import java.util.UUID;

/**
 * A document that was uploaded and kept in the city's object store: events carry this, never the bytes (ADR 0009).
 *
 * @param documentId the document's id, also the last part of its object key; a random UUID nobody can guess
 * @param name the file name as given, sanitised (no folders, no control characters)
 * @param mediaType the type detected from the content (Apache Tika), not the one the browser claimed
 * @param sizeBytes its size in bytes
 * @param sha256 its SHA-256, 64 lower-case hex digits
 */
public record DocumentRef(UUID documentId, String name, String mediaType, long sizeBytes, String sha256) {}
