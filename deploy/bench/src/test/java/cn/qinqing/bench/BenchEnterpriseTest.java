package cn.qinqing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinqing.language.UnifiedSocialCreditCode;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The enterprises the benchmark files for, and how the filings are spread over them. */
class BenchEnterpriseTest {

    @Test
    void sixteenEnterprisesByDefaultEachWithAValidCodeOfItsOwn() {
        assertThat(Options.parse(new String[] {"--quick"}).enterprises).isEqualTo(16);
        List<BenchEnterprise> enterprises = BenchEnterprise.first(99);

        assertThat(enterprises)
                .extracting(BenchEnterprise::uscc)
                .allMatch(UnifiedSocialCreditCode::isValid)
                .doesNotHaveDuplicates()
                // the demo enterprises A and B
                .doesNotContain("91150200MA0QA0001T", "91150200MA0QB0002M");
        assertThat(enterprises)
                .extracting(BenchEnterprise::clientId)
                .doesNotHaveDuplicates()
                .startsWith("bench-enterprise-01", "bench-enterprise-02")
                .endsWith("bench-enterprise-99");
    }

    @Test
    void identityGetsAnEnterpriseClientForEachAppendedToItsDemoClients() {
        List<BenchEnterprise> two = BenchEnterprise.first(2);

        List<String> arguments = BenchEnterprise.identityArguments(two);

        assertThat(arguments)
                .hasSize(12)
                .contains(
                        "--qinqing.demo.extra-clients[0].client-id=bench-enterprise-01",
                        "--qinqing.demo.extra-clients[0].role=ENTERPRISE",
                        "--qinqing.demo.extra-clients[0].grant-types=client_credentials",
                        "--qinqing.demo.extra-clients[1].client-id=bench-enterprise-02",
                        "--qinqing.demo.extra-clients[1].enterprise-id="
                                + two.get(1).uscc())
                // a list given as qinqing.demo.clients[i] would replace the demo clients the benchmark needs
                .noneMatch(argument -> argument.startsWith("--qinqing.demo.clients"))
                .allMatch(argument -> argument.chars().allMatch(c -> c < 128));
        assertThat(two.get(0).registration())
                .contains("\"uscc\":\"" + two.get(0).uscc() + "\"");
    }

    @Test
    void filingsTakeTheEnterprisesTokensInTurn() {
        List<String> tokens = List.of("a", "b", "c");

        assertThat(LongStream.range(0, 7).mapToObj(n -> Filings.tokenFor(n, tokens)))
                .containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void theNumberOfEnterprisesIsBounded() {
        assertThat(Options.parse(new String[] {"--enterprises=1"}).enterprises).isEqualTo(1);
        assertThatThrownBy(() -> Options.parse(new String[] {"--enterprises=0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(new String[] {"--enterprises=100"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
