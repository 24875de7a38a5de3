package cn.qinqing.web;

import java.util.Map;

/**
 * Tomcat's own error answers as a short static page in the application's look. The request's language is not known
 * yet, so the page speaks both.
 */
public final class RefusalPageValve extends SecureErrorReportValve {

    private static final String PAGE =
            """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>亲清在线</title><link rel="stylesheet" href="%s"></head>
            <body><main id="main" class="%s"><h1>亲清在线</h1>
            <p %srole="alert">%s (%d)</p>
            <p lang="en">%s</p>
            <p>%s</p>
            </main></body>
            </html>
            """;

    /**
     * What follows the application's own pages.
     *
     * @param stylesheet the path of its style sheet
     * @param mainClass the class its layout gives the {@code main} element
     * @param alertClass the class of its error messages, or empty
     * @param home the link back into the application, as HTML
     */
    public record Look(String stylesheet, String mainClass, String alertClass, String home) {}

    private final Look look;

    public RefusalPageValve(Map<String, String> headers, Look look) {
        super(headers);
        this.look = look;
    }

    @Override
    protected String contentType() {
        return "text/html";
    }

    @Override
    protected String body(int status) {
        boolean refused = status < 500;
        String chinese = refused ? "请求被拒绝：请检查地址，或清除本站的 Cookie 后重试。" : "出错了，请稍后重试。";
        String english = refused
                ? "The request was refused: check the address, or clear this site's cookies and try again."
                : "Something went wrong. Please try again later.";
        String alert = look.alertClass().isEmpty() ? "" : "class=\"" + look.alertClass() + "\" ";
        return PAGE.formatted(look.stylesheet(), look.mainClass(), alert, chinese, status, english, look.home());
    }
}
