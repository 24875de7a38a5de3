package cn.qinqing.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aNameKeepsItsChineseAndLosesItsFoldersAndControlCharacters() {
        assertThat(FileNames.sanitise("C:\\Users\\王\\桌面\\供电方案 v2.pdf")).isEqualTo("供电方案 v2.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("报告\u0000\u202e.pdf")).isEqualTo("报告__.pdf");
        assertThat(FileNames.sanitise("..隐藏")).isEqualTo("隐藏");
        assertThat(FileNames.sanitise("a<b>:c?.txt")).isEqualTo("a_b__c_.txt");
        assertThat(FileNames.sanitise("  ")).isEqualTo("document");
        assertThat(FileNames.sanitise(null)).isEqualTo("document");
    }

    @Test
    void aLongNameIsShortenedKeepingItsExtension() {
        String name = FileNames.sanitise("很".repeat(300) + ".docx");

        assertThat(name).endsWith(".docx");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
    }

    @Test
    void aDownloadNamesTheFileInUtf8AndInAsciiForOldClients() {
        assertThat(FileNames.contentDisposition("供电方案 v2.pdf"))
                .isEqualTo("attachment; filename=\"____ v2.pdf\"; "
                        + "filename*=UTF-8''%E4%BE%9B%E7%94%B5%E6%96%B9%E6%A1%88%20v2.pdf");
        assertThat(FileNames.contentDisposition("a\"b.pdf")).startsWith("attachment; filename=\"a_b.pdf\"");
    }
}
