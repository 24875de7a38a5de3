package cn.qinqing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.launcher.ServiceCatalog;
import cn.qinqing.launcher.ServiceDefinition;
import org.junit.jupiter.api.Test;

/** The kill test's plan; the test itself runs only against a running platform (./deploy/kill-test.sh). */
class KillTestTest {

    @Test
    void killsOneInstanceOfEveryServiceOfThePlatformWithIdentityAndThePortalLast() {
        assertThat(KillTest.ORDER)
                .as("a service the launcher starts twice but the kill test never kills is not proven")
                .containsExactlyInAnyOrderElementsOf(
                        ServiceCatalog.ALL.stream().map(ServiceDefinition::name).toList())
                .doesNotHaveDuplicates()
                .endsWith("identity", "portal");
    }
}
