package cn.qinqing.notifications.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of the notifications in the recipient's language: zh-CN (the default, {@code texts.properties}) or
 * English ({@code texts_en.properties}). Times are shown in Asia/Shanghai.
 */
public final class Texts {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public Texts() {
        messages.setBasename("notifications/texts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    public static boolean supported(String language) {
        return CHINESE.equals(language) || ENGLISH.equals(language);
    }

    public String text(String key, String language, Object... args) {
        return messages.getMessage(key, args, locale(language));
    }

    public String subject(Kind kind, String language, Object... args) {
        return text(kind.name() + ".subject", language, args);
    }

    public String body(Kind kind, String language, Object... args) {
        return text(kind.name() + ".body", language, args);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(SHANGHAI));
    }

    private static Locale locale(String language) {
        return ENGLISH.equals(language) ? Locale.ENGLISH : Locale.ROOT;
    }
}
