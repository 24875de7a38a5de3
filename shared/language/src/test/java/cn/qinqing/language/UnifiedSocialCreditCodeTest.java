package cn.qinqing.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    // published codes of real organisations: the check characters below were issued by the registration authorities
    @ValueSource(strings = {"91110000600037341L", "91310000775785552L", "91440300708461136T"})
    void acceptsCodesWhoseCheckCharacterMatches(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        assertThat(UnifiedSocialCreditCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341M", "91110000600037341", "91110000600037341LL", "9111000060003734IL", ""})
    void refusesCodesThatAreMalformedOrFailTheCheck(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> UnifiedSocialCreditCode.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91150200MA0N000001", "91150200MA0N000002"})
    void computesTheCheckCharacterThatMakesACodeValid(String withWrongCheck) {
        String first17 = withWrongCheck.substring(0, 17);
        String valid = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(UnifiedSocialCreditCode.isValid(valid)).isTrue();
    }

    @Test
    void explainsWhichRuleWasBroken() {
        assertThat(UnifiedSocialCreditCode.problemWith("12345")).contains("18 characters");
        assertThat(UnifiedSocialCreditCode.problemWith("91110000600037341M")).contains("check character");
        assertThat(UnifiedSocialCreditCode.problemWith("9111000060003734OL")).contains("not allowed");
    }
}
