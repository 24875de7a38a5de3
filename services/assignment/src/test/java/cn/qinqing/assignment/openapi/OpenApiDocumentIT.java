package cn.qinqing.assignment.openapi;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The assignment service's OpenAPI document says what its API answers (real statuses, headers, problem details, an example
 * per request body), so that a generated client works; it is also written to target/openapi/ for the Redocly lint.
 */
class OpenApiDocumentIT extends AssignmentApiTestBase {

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "assignment")
                .assertSound()
                .assertCreates(
                        "POST /api/assignment/departments",
                        "POST /api/assignment/appeals/{appealId}/supervision-notices");
    }
}
