package cn.qinqing.oversight.openapi;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * The oversight service's OpenAPI document says what its API answers (real statuses, headers, problem details, an example
 * per request body), so that a generated client works; it is also written to target/openapi/ for the Redocly lint.
 */
class OpenApiDocumentIT extends OversightApiTestBase {

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "oversight")
                .assertSound()
                .assertStatuses("POST /api/oversight/admin/rankings/{month}/freeze", "200", "201", "401", "403");
    }
}
