package cn.qinqing.launcher.fuzz;

import java.util.List;
import java.util.Random;

/** The values a hostile or careless client sends where a string belongs. */
final class Hostile {

    /** A header an injected CR LF would create; no answer may carry it. */
    static final String INJECTED_HEADER = "X-Fuzz-Injected";

    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\t\n",
            "null",
            "undefined",
            "0",
            "-1",
            "1e309",
            "NaN",
            "true",
            // SQL
            "' OR '1'='1",
            "'; DROP TABLE appeals.appeal_view; --",
            "1; SELECT pg_sleep(0)",
            "\\' UNION SELECT usename, passwd FROM pg_shadow --",
            "%' AND 1=1 --",
            "$$; DELETE FROM event_store.domain_event_entry; $$",
            // HTML / JS
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "{{7*7}}${7*7}#{7*7}",
            "<![CDATA[x]]><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            // header and log injection
            "x\r\n" + INJECTED_HEADER + ": 1",
            "x\n" + INJECTED_HEADER + ": 1\r\n\r\n<html>",
            "%0d%0a" + INJECTED_HEADER + ":%201",
            "${jndi:ldap://127.0.0.1:1/a}",
            // paths
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2f",
            "/api/appeals",
            "http://169.254.169.254/latest/meta-data/",
            // Unicode edge cases
            "\u0000",
            "nul\u0000inside",
            "\uD800",
            "\uDFFF\uD800",
            "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\u202Eevil\u202Cgood",
            "\u200F\u05E9\u05DC\u05D5\u05DD\u200E",
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
            "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D",
            "\uFEFF\u200B\u2060",
            "\uFFFF\uFFFE",
            "\u0085\u2028\u2029",
            "ｆｕｌｌｗｉｄｔｈ　全角",
            "𠜎𠜱𠝹𠱓",
            "İıŞş",
            "\u001B[31mred\u001B[0m",
            // look-alikes of real identifiers
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "91150200MA0QA0001T",
            "91150200MA0QA0001X",
            "industry-it",
            "admin",
            "9223372036854775808",
            "-2147483649");

    private Hostile() {}

    static String string(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> huge(random, 1 + random.nextInt(20_000));
            case 1 -> repeat("\uD83D\uDE00", 1 + random.nextInt(3_000));
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    static String huge(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "aZ9 长诉求'\"<>&%\\";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static String repeat(String unit, int times) {
        return unit.repeat(times);
    }
}
