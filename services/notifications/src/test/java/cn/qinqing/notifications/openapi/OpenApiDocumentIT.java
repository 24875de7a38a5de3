package cn.qinqing.notifications.openapi;

import cn.qinqing.notifications.NotificationsTestBase;
import cn.qinqing.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/** The notifications service's OpenAPI document says what its API answers; also written for the Redocly lint. */
class OpenApiDocumentIT extends NotificationsTestBase {

    @Test
    void declaresTheRealStatusesHeadersAndProblemsOfEveryOperation() {
        OpenApiDocument.served(port, "notifications").assertSound();
    }
}
