package cn.qinqing.platform.web;

import cn.qinqing.platform.messaging.ProcessorPositions;
import org.springframework.http.ResponseEntity;

/**
 * Answers of reads that say how fresh their read model is, in {@link #HEADER}: {@code <position>/<head>}, the position
 * the read model's processing group has handled in the global stream against the head of the event store ({@link
 * ProcessorPositions#describe}). A controller reads in one line:
 *
 * <pre>{@code
 * return reads.ok(Appeals.PROCESSING_GROUP).eTag(ETags.of(appeal.version())).body(appeal);
 * }</pre>
 */
public class FreshReads {

    /** The response header of every read from a read model. */
    public static final String HEADER = "X-Read-Model-Position";

    private final ProcessorPositions positions;

    public FreshReads(ProcessorPositions positions) {
        this.positions = positions;
    }

    /** A 200 that says how far {@code processingGroup} has handled the event store, as of now. */
    public ResponseEntity.BodyBuilder ok(String processingGroup) {
        return ResponseEntity.ok().header(HEADER, positions.describe(processingGroup));
    }
}
