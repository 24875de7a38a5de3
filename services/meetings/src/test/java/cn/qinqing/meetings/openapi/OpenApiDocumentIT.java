package cn.qinqing.meetings.openapi;

import cn.qinqing.meetings.MeetingsApiTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The meetings service's OpenAPI document says what its API answers (real statuses, headers, problem details, an example
 * per request body), so that a generated client works; it is also written to target/openapi/ for the Redocly lint.
 */
class OpenApiDocumentIT extends MeetingsApiTestBase {

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "meetings")
                .assertSound()
                .assertCreates(
                        "POST /api/meetings", "POST /api/meetings/{id}/topics", "POST /api/meetings/{id}/action-items");
    }
}
