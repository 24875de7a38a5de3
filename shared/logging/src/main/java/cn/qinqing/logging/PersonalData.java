package cn.qinqing.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text that is about to be logged and masks it, keeping enough to tell two values apart when
 * reading a log: mainland mobile numbers ({@code 138****5678}), landline numbers with an area code
 * ({@code 0472-****101}), resident identity card numbers ({@code 150203********123X}) and e-mail addresses
 * ({@code a***@example.cn}). An enterprise's Unified Social Credit Code is public and stays.
 */
public final class PersonalData {

    /** 18-digit resident identity card number (last character may be X), not part of a longer number or code. */
    private static final Pattern ID_CARD =
            Pattern.compile("(?<![0-9A-Za-z])([1-9]\\d{5})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    /** Mainland mobile number, optionally with +86 / 86, optionally split by a space or dash. */
    private static final Pattern MOBILE =
            Pattern.compile("(?<![0-9A-Za-z])((?:\\+?86[ -]?)?1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?![0-9A-Za-z])");

    /** Landline with an area code: 0472-5550101, (0472) 5550101, 010-12345678. */
    private static final Pattern LANDLINE =
            Pattern.compile("(?<![0-9A-Za-z])(\\(?0\\d{2,3}\\)?[ -]?)(\\d{3,5})(\\d{3})(?![0-9A-Za-z])");

    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private PersonalData() {}

    /** The text with every personal number and address in it masked; the same text when there is none. */
    public static String mask(String text) {
        if (text == null || text.isEmpty() || !mayContain(text)) {
            return text;
        }
        String masked = replace(ID_CARD, text, m -> m.group(1) + "********" + m.group(3));
        masked = replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(3));
        masked = replace(
                LANDLINE, masked, m -> m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
        return replace(EMAIL, masked, m -> m.group(1) + "***" + m.group(2));
    }

    private static boolean mayContain(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            digits = Character.isDigit(c) ? digits + 1 : (c == '-' || c == ' ' ? digits : 0);
            if (digits >= 7) {
                return true;
            }
        }
        return false;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> mask) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mask.apply(matcher)));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
