package cn.qinqing.bench;

import cn.qinqing.language.UnifiedSocialCreditCode;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One of the enterprises the benchmark files for: a client-credentials client {@code bench-enterprise-NN} of identity
 * (seeded from {@code qinqing.demo.extra-clients}), acting for an enterprise of its own that the benchmark registers in
 * appeals. Many of them, because assignment routes each enterprise's filings in order ({@code
 * PerEnterpriseSequencingPolicy}): with one enterprise, routing would be one sequence on one thread.
 *
 * @param number 1, 2, …
 */
record BenchEnterprise(int number, String clientId, String uscc) {

    /** Baotou's division code as the demo enterprises have, then "MABN" and a serial: unlike any demo or test code. */
    static final String CODE_PREFIX = "91150200MABN";

    /** The demo clients' secret: identity's local profile only. */
    static final String SECRET = "qinqing-demo";

    static List<BenchEnterprise> first(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(BenchEnterprise::numbered)
                .toList();
    }

    static BenchEnterprise numbered(int number) {
        String first17 = CODE_PREFIX + String.format("%05d", number);
        return new BenchEnterprise(
                number,
                String.format("bench-enterprise-%02d", number),
                first17 + UnifiedSocialCreditCode.checkCharacter(first17));
    }

    /**
     * Identity's command-line arguments for these clients. ASCII only: a service's command line is decoded with the
     * machine's locale.
     */
    static List<String> identityArguments(List<BenchEnterprise> enterprises) {
        return IntStream.range(0, enterprises.size())
                .boxed()
                .flatMap(i -> {
                    BenchEnterprise enterprise = enterprises.get(i);
                    String client = "--qinqing.demo.extra-clients[" + i + "].";
                    return List.of(
                            client + "client-id=" + enterprise.clientId(),
                            client + "name=Benchmark enterprise " + enterprise.number(),
                            client + "secret=" + SECRET,
                            client + "grant-types=client_credentials",
                            client + "role=ENTERPRISE",
                            client + "enterprise-id=" + enterprise.uscc())
                            .stream();
                })
                .toList();
    }

    /**
     * The body of {@code POST /api/appeals/enterprises}: the demo enterprise A's chain position and district, so that
     * every filing is routed by the same rule as before.
     */
    String registration() {
        return "{\"name\":\"基准测试企业 " + number + "\",\"uscc\":\"" + uscc + "\",\"chainPosition\":\"WAFER\","
                + "\"district\":\"青山区\",\"contact\":{\"name\":\"基准测试\",\"phone\":\"0472-5550300\"}}";
    }
}
