package cn.qinqing.platform.documents;

import java.util.UUID;

/**
 * Whether an event recorded a document: the service that stores documents says so from its read model, and the sweep
 * deletes only pending uploads it does not know.
 */
@FunctionalInterface
public interface RecordedDocuments {

    boolean isRecorded(UUID documentId);
}
