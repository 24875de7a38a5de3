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
 * An official attaches an internal file to a note and the written reply to the answer: the enterprise sees and
 * downloads the reply, never the internal file. The files go through the real portal, services and s3proxy that
 * BrowserPlatform starts.
 */
class DocumentBrowserIT {

    static final java.time.Duration EVENTS = java.time.Duration.ofSeconds(45);

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

    @Test
    void anOfficialAttachesAFileToTheAnswerAndTheEnterpriseDownloadsIt() throws Exception {
        BrowserPlatform platform = BrowserPlatform.get();
        assertThat(platform.runs("assignment") && platform.runs("resolution"))
                .as("assignment and resolution are built and running")
                .isTrue();
        Path folder = Files.createDirectories(Path.of("target", "uploads").toAbsolutePath());
        byte[] reply = pdf(1024 * 1024);
        Path replyFile = Files.write(folder.resolve("送电批复.pdf"), reply);
        byte[] memo = "内部：供电公司需市政配合开挖。\n".getBytes(StandardCharsets.UTF_8);
        Path memoFile = Files.write(folder.resolve("内部协调.txt"), memo);
        String title = "专线送电验收（答复附件）";
        String appealPath;

        try (Browser enterprise = Browser.open(Look.CHINESE_DESKTOP, platform.portal(), "documents-answer-1")) {
            enterprise.signIn("enterprise-a");
            enterprise.go("/enterprise/appeals/new");
            enterprise.type(By.id("title"), title);
            enterprise.choose(By.id("category"), "POWER");
            enterprise.choose(By.id("urgency"), "NORMAL");
            enterprise.type(By.id("description"), "10kV 专线已施工完毕，请协调送电验收。");
            enterprise.click(By.cssSelector("#appeal-form button[type=submit]"));
            enterprise.waitForPath("/appeals/[0-9a-f-]{36}");
            appealPath = enterprise.path();
        }

        // the department's official signs for it, notes an internal file, and answers with the written reply
        try (Browser official = Browser.open(Look.CHINESE_DESKTOP, platform.portal(), "documents-answer-2")) {
            official.signIn("official");
            official.waitForPath("/official");
            official.reloadUntil(title, EVENTS);
            official.go(appealPath);
            official.click(By.id("sign-for"));
            official.sees("已签收，办理时限开始计算");
            // the note form waits in a closed <details>: open it as a click on its summary would
            official.driver().executeScript("document.getElementById('note-form').closest('details').open = true;");
            official.type(By.id("note-text"), "已与供电公司、市政协调");
            official.click(By.id("note-visibleToEnterprise"));
            official.find(By.id("note-files")).sendKeys(memoFile.toString());
            official.click(By.cssSelector("#note-form button[type=submit]"));
            official.sees("进展已记录");
            official.find(By.id("case-documents"));

            official.choose(By.id("answer-outcome"), "SOLVED");
            official.type(By.id("answer-text"), "已协调供电公司完成送电验收，批复见附件。");
            official.find(By.id("answer-files")).sendKeys(replyFile.toString());
            official.screenshot("4-answer-with-file");
            official.click(By.cssSelector("#answer-form button[type=submit]"));
            official.sees("答复已提交");
            // the answer's page lists both files; the internal one is marked as such
            official.reloadUntil("送电批复.pdf", EVENTS);
            assertThat(official.find(By.id("case-documents")).getText())
                    .contains("送电批复.pdf")
                    .contains("随答复提交")
                    .contains("内部协调.txt")
                    .contains("内部");
            official.screenshot("5-official-lists");
        }

        // the enterprise sees the answer's file, not the internal one, and downloads it byte for byte
        try (Browser enterprise = Browser.open(Look.CHINESE_DESKTOP, platform.portal(), "documents-answer-3")) {
            enterprise.signIn("enterprise-a");
            enterprise.go(appealPath);
            enterprise.reloadUntil("送电批复.pdf", EVENTS);
            WebElement link = enterprise.find(By.cssSelector("#case-documents a"));
            assertThat(link.getText()).isEqualTo("送电批复.pdf");
            assertThat(enterprise.find(By.id("case-documents")).getText()).doesNotContain("内部协调.txt");
            enterprise.screenshot("6-enterprise-lists");
            String session = enterprise
                    .driver()
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
            assertThat(download.body()).isEqualTo(reply);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("filename*=UTF-8''%E9%80%81%E7%94%B5%E6%89%B9%E5%A4%8D.pdf");
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
