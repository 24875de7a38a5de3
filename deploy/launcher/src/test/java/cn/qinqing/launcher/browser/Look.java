package cn.qinqing.launcher.browser;

import java.util.List;
import java.util.Map;

/**
 * How a person sees the portal in a test: in Chinese or English, on a desktop or a phone-sized screen.
 *
 * @param language {@code zh-CN} or {@code en}
 * @param phone a 390 × 844 phone screen (mobile emulation) instead of a 1280 × 900 desktop window
 */
record Look(String language, boolean phone) {

    static final Look CHINESE_DESKTOP = new Look("zh-CN", false);
    static final Look ENGLISH_DESKTOP = new Look("en", false);
    static final Look CHINESE_PHONE = new Look("zh-CN", true);
    static final Look ENGLISH_PHONE = new Look("en", true);

    static List<Look> all() {
        return List.of(CHINESE_DESKTOP, ENGLISH_PHONE, ENGLISH_DESKTOP, CHINESE_PHONE);
    }

    /** Two looks that between them cover both languages and both screens. */
    static List<Look> both() {
        return List.of(CHINESE_DESKTOP, ENGLISH_PHONE);
    }

    boolean english() {
        return language.equals("en");
    }

    /** The text in this look's language. */
    String text(String chinese, String english) {
        return english() ? english : chinese;
    }

    String text(Map<String, String> byLanguage) {
        return byLanguage.get(language);
    }

    @Override
    public String toString() {
        return (english() ? "en" : "zh") + "-" + (phone ? "phone" : "desktop");
    }
}
