package cn.qinqing.resolution.openapi;

import cn.qinqing.resolution.ResolutionApiTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The resolution service's OpenAPI document says what its API answers (real statuses, headers, problem details, an example
 * per request body), so that a generated client works; it is also written to target/openapi/ for the Redocly lint.
 */
class OpenApiDocumentIT extends ResolutionApiTestBase {

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "resolution")
                .assertSound()
                .assertCreates(
                        "POST /api/resolution/case-files/{appealId}/notes",
                        "POST /api/resolution/case-files/{appealId}/extension-requests");
    }
}
