package cn.qinqing.language;

import java.util.Objects;

/**
 * The Unified Social Credit Code (统一社会信用代码) of an organisation, GB 32100-2015: 18 characters from a 31-letter
 * alphabet (no I, O, S, V, Z), the last one a check character over the first 17. It identifies an enterprise on the
 * platform.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static UnifiedSocialCreditCode of(String value) {
        return new UnifiedSocialCreditCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && problemWith(value) == null;
    }

    /** Why the text is not a valid code, or {@code null} when it is. */
    public static String problemWith(String value) {
        if (value.length() != 18) {
            return "must be 18 characters long";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " is not allowed (digits and upper-case letters except I, O, S, V, Z)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return "characters 3 to 8 must be the digits of an administrative division code";
            }
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            return "check character does not match (GB 32100-2015)";
        }
        return null;
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int code = ALPHABET.indexOf(first17.charAt(i));
            if (code < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not allowed");
            }
            sum += code * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public String toString() {
        return value;
    }
}
