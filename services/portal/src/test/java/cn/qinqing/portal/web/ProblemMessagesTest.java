package cn.qinqing.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The messages the services give (bean validation, the platform's validators) map to the portal's bundle keys. */
class ProblemMessagesTest {

    static final List<String> KNOWN_API_MESSAGES = List.of(
            "must not be blank",
            "must not be null",
            "size must be between 0 and 200",
            "size must be between 1 and 10",
            "must not contain control characters",
            "must be a phone number",
            "must be a well-formed email address",
            "is not a valid Unified Social Credit Code: must be 18 characters long",
            "is not a valid Unified Social Credit Code: character 3 is not allowed (digits and upper-case letters"
                    + " except I, O, S, V, Z)",
            "is not a valid Unified Social Credit Code: characters 3 to 8 must be the digits of an administrative"
                    + " division code",
            "is not a valid Unified Social Credit Code: check character does not match (GB 32100-2015)",
            "must be the code of the enterprise your account belongs to",
            "must be one of [PERMITS, LAND]",
            "must be less than or equal to 5",
            "must be greater than or equal to 1",
            "must lie in the future",
            "must lie after startsAt",
            "must lie between now and startsAt",
            "must say why the extension is denied",
            "must say why it could not be (fully) solved",
            "must name the policy or regulation the answer rests on",
            "must name enterprises, chain positions, key enterprises, or a mix",
            "must name the owner department",
            "must name the responsible leader",
            "must give the due date",
            "must not lie before the signing (signedOn)",
            "must not lie before the milestone it follows",
            "must not lie in the future: a project is registered once signed",
            "must be more than zero",
            "must be more than zero yuan",
            "must be an id such as industry-it (lower-case letters, digits, dashes)",
            "is required: the reason or the official document the limits come from",
            "must be a whole number of working days from 1 to 250",
            "must not be shorter than the first-contact limit (3 working days)",
            "may not be before today (2026-12-06): running deadlines never move",
            "must be a date such as 2027-01-01",
            "must be at most 500 characters",
            "must be a whole number of hours from 1 to 720");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "must not be blank | error.required | ",
                "size must be between 0 and 200 | error.size.max | 200",
                "size must be between 1 and 10 | error.size | 1",
                "must be a phone number | error.phone | ",
                "is not a valid Unified Social Credit Code: character 3 is not allowed (digits…) | error.uscc.character | 3",
                "is not a valid Unified Social Credit Code: check character does not match (GB 32100-2015) | error.uscc.check | ",
                "is not a valid Unified Social Credit Code: something new | error.uscc | ",
                "must be less than or equal to 5 | error.max | 5",
                "must not lie before the signing (signedOn) | error.beforeSigning | ",
                "must be more than zero | error.positive | ",
            })
    void aKnownMessageBecomesABundleKey(String message, String key, Integer firstArgument) {
        ProblemMessages.Resolved resolved = ProblemMessages.forField(message);
        assertThat(resolved.code()).isEqualTo(key);
        if (firstArgument != null) {
            assertThat(resolved.args()).startsWith(firstArgument);
        }
    }

    @org.junit.jupiter.api.Test
    void everyKnownMessageIsMapped() {
        KNOWN_API_MESSAGES.forEach(message ->
                assertThat(ProblemMessages.forField(message)).as(message).isNotNull());
    }

    @org.junit.jupiter.api.Test
    void anUnknownMessageIsNotGuessed() {
        assertThat(ProblemMessages.forField("must rhyme")).isNull();
    }
}
