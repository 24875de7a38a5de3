package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPageIT extends RunningIdentityServer {

    private final Browser browser = new Browser();

    private HttpResponse<String> logIn(String username, String password) {
        return logIn(browser, username, password);
    }

    private static HttpResponse<String> logIn(Browser browser, String username, String password) {
        HttpResponse<String> page = browser.get(BASE + "/login");
        return browser.postForm(
                BASE + "/login",
                Map.of("username", username, "password", password, "_csrf", Browser.csrfToken(page.body())));
    }

    @Test
    void rendersInChineseByDefaultAndFitsAPhone() {
        HttpResponse<String> page = browser.get(BASE + "/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"zh-CN\">")
                .contains("<title>登录 · 亲清在线</title>")
                .contains(">用户名<", ">密码<", ">登录<")
                .contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\"")
                .doesNotContain("User name");
        assertThat(Browser.csrfToken(page.body())).isNotBlank();
    }

    @Test
    void switchesToEnglishWithLangAndRemembersTheChoice() {
        HttpResponse<String> english = browser.get(BASE + "/login?lang=en");
        assertThat(english.body())
                .contains("<html lang=\"en\">")
                .contains(">User name<", ">Password<", ">Sign in<")
                .doesNotContain(">用户名<");

        assertThat(browser.get(BASE + "/login").body()).as("remembered").contains(">User name<");

        assertThat(browser.get(BASE + "/login?lang=zh-CN").body()).contains(">用户名<");
        assertThat(browser.get(BASE + "/login").body()).as("remembered").contains(">用户名<");
    }

    @Test
    void followsTheClientsUiLocalesUntilTheVisitorChoosesHere() {
        String authorize =
                authorizeUrl("qinqing-portal", PORTAL_REDIRECT, "state-l", Pkce.create()) + "&ui_locales=en-US";

        HttpResponse<String> page = browser.follow(browser.get(authorize));
        assertThat(page.body()).contains("<html lang=\"en\">").contains(">User name<");

        browser.get(BASE + "/login?lang=zh-CN");
        HttpResponse<String> chosen = browser.follow(browser.get(authorize));
        assertThat(chosen.body()).as("the visitor's own choice wins").contains(">用户名<");
    }

    @Test
    void everyPageNamesTheIconAndABrowserAskingForFaviconIcoIsSentThere() {
        assertThat(browser.get(BASE + "/login").body())
                .contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");

        HttpResponse<String> icon = browser.get(BASE + "/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(icon.body()).contains("<svg");

        HttpResponse<String> ico = browser.get(BASE + "/favicon.ico");
        assertThat(ico.statusCode()).as("not 404").isEqualTo(301);
        assertThat(Browser.location(ico)).endsWith("/favicon.svg");
    }

    @Test
    void stylesheetIsPublic() {
        HttpResponse<String> css = browser.get(BASE + "/css/identity.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".card");
    }

    @Test
    void wrongPasswordShowsTheErrorInEitherLanguageAndIssuesNothing() {
        String authorize = authorizeUrl("qinqing-cli", CLI_REDIRECT, "state-w", Pkce.create());
        HttpResponse<String> sentToLogin = browser.get(authorize);
        assertThat(Browser.location(sentToLogin)).endsWith("/login");
        HttpResponse<String> page = browser.follow(sentToLogin);

        HttpResponse<String> failed = browser.postForm(
                BASE + "/login",
                Map.of(
                        "username", "official-land",
                        "password", "wrong-password",
                        "_csrf", Browser.csrfToken(page.body())));

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(Browser.location(failed)).endsWith("/login?error");
        assertThat(browser.follow(failed).body()).contains("用户名或密码不正确");
        assertThat(browser.get(BASE + "/login?error&lang=en").body())
                .contains("The user name or password is not correct");

        HttpResponse<String> again = browser.get(authorize);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(Browser.location(again)).as("still not signed in").endsWith("/login");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oauth2_authorization WHERE principal_name = 'official-land'",
                        Integer.class))
                .as("no code, no token for the user")
                .isZero();
    }

    @Test
    void anUnknownUserGetsTheSameMessageAsAWrongPassword() {
        HttpResponse<String> failed = logIn("nobody-at-all", "whatever");

        assertThat(Browser.location(failed)).endsWith("/login?error");
        assertThat(browser.follow(failed).body()).contains("用户名或密码不正确");
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        browser.get(BASE + "/login");

        HttpResponse<String> forged =
                browser.postForm(BASE + "/login", Map.of("username", "admin", "password", DEMO_PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get(BASE + "/").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void aSignedInVisitorSeesWhoTheyAreAndCanSignOut() {
        HttpResponse<String> signedIn = logIn("supervisor", DEMO_PASSWORD);
        assertThat(Browser.location(signedIn)).isEqualTo(BASE + "/");

        HttpResponse<String> home = browser.follow(signedIn);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("您已登录为 supervisor");

        HttpResponse<String> loggedOut =
                browser.postForm(BASE + "/logout", Map.of("_csrf", Browser.csrfToken(home.body())));
        assertThat(Browser.location(loggedOut)).endsWith("/login?logout");
        assertThat(browser.follow(loggedOut).body()).contains("您已安全退出");
        assertThat(browser.get(BASE + "/").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void tenFailuresLockTheUserNameFromThisAddressEvenForTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            assertThat(Browser.location(logIn("official-talent", "guess-" + i))).endsWith("/login?error");
        }

        HttpResponse<String> rightPassword = logIn("official-talent", DEMO_PASSWORD);

        assertThat(Browser.location(rightPassword)).endsWith("/login?error");
        HttpResponse<String> page = browser.follow(rightPassword);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("300");
        assertThat(page.body()).contains("登录失败次数过多，请 5 分钟后再试");
        assertThat(browser.get(BASE + "/").statusCode()).as("not signed in").isEqualTo(302);
        // another user from the same address is not affected
        assertThat(Browser.location(logIn(new Browser(), "official-transport", DEMO_PASSWORD)))
                .isEqualTo(BASE + "/");
    }

    @Test
    void theSessionCookieIsThePlatformsOwnHttpOnlyAndLax() {
        HttpResponse<String> page = browser.get(BASE + "/login");

        List<String> setCookies = page.headers().allValues("Set-Cookie");
        String session = setCookies.stream()
                .filter(cookie -> cookie.startsWith("QINQING_IDP_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no QINQING_IDP_SESSION cookie in " + setCookies));
        assertThat(session).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(setCookies).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        assertThat(HttpCookie.parse(session).get(0).getPath()).isEqualTo("/");
    }
}
