package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Documents in the portal (ADR 0009): an enterprise files an appeal with a file chosen in the form, sees it listed on
 * the appeal's page and downloads it byte for byte; a program passed off as a PDF is refused beside the file field.
 * The files go through the real portal, appeals service and s3proxy that BrowserPlatform starts.
 */
class DocumentBrowserIT {

    @Test
    void anEnterpriseUploadsAFileWithItsAppealAndDownloadsItAgain() throws Exception {
        BrowserPlatform platform = BrowserPlatform.get();
        Path folder = Files.createDirectories(Path.of("target", "uploads").toAbsolutePath());
        byte[] plan = pdf(3 * 1024 * 1024);
        Path planFile = Files.write(folder.resolve("供电方案.pdf"), plan);
        byte[] program = new byte[2048];
        program[0] = 'M';
        program[1] = 'Z';
        Path fake = Files.write(folder.resolve("发票.pdf"), program);

        try (Browser browser = Browser.open(Look.CHINESE_DESKTOP, platform.portal(), "documents")) {
            browser.signIn("enterprise-a");
            browser.go("/enterprise/appeals/new");
            browser.type(By.id("title"), "新厂房通电（附供电方案）");
            browser.choose(By.id("category"), "POWER");
            browser.choose(By.id("urgency"), "NORMAL");
            browser.type(By.id("description"), "10kV 专线已施工完毕，附供电方案，请协调送电验收。");
            browser.find(By.id("files")).sendKeys(planFile.toString());
            browser.screenshot("1-form-with-file");
            browser.click(By.cssSelector("#appeal-form button[type=submit]"));

            browser.waitForPath("/appeals/[0-9a-f-]{36}");
            WebElement link = browser.find(By.cssSelector("#documents a"));
            assertThat(link.getText()).isEqualTo("供电方案.pdf");
            assertThat(browser.find(By.id("documents")).getText())
                    .contains("3.0 MB")
                    .contains("随诉求提交");
            browser.screenshot("2-listed");

            // the link works in this user's session, and the file comes back as it went up, with its Chinese name
            String session = browser.driver()
                    .manage()
                    .getCookieNamed("QINQING_PORTAL_SESSION")
                    .getValue();
            HttpResponse<byte[]> download = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                                    .header("Cookie", "QINQING_PORTAL_SESSION=" + session)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(plan);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("filename*=UTF-8''%E4%BE%9B%E7%94%B5%E6%96%B9%E6%A1%88.pdf");
            HttpResponse<byte[]> stranger = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new String(stranger.body(), StandardCharsets.UTF_8))
                    .as("without the session, no file")
                    .doesNotContain("%PDF");

            browser.type(By.id("supplement-text"), "补充发票");
            browser.find(By.id("supplement-files")).sendKeys(fake.toString());
            browser.click(By.cssSelector("#supplement-form button[type=submit]"));
            WebElement error = browser.find(By.id("supplement-files-error"));
            assertThat(error.getText()).contains("不接受这种文件").contains("发票.pdf");
            assertThat(browser.all(By.cssSelector("#documents a"))).hasSize(1);
            browser.screenshot("3-refused");
        }
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] header = "%PDF-1.7\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }
}
