package cn.qinqing.portal.appeal;

import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** A form of one text (a supplement, a reason, a note) about something read at a version (sent as If-Match). */
public class TextForm {

    private String text = "";
    private long version;

    public TextForm() {}

    public TextForm(long version) {
        this.version = version;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    /** Files chosen in the form (documents, ADR 0009); none when the form has no file field. */
    private List<MultipartFile> files = List.of();

    public List<MultipartFile> getFiles() {
        return files;
    }

    public void setFiles(List<MultipartFile> files) {
        this.files = files == null ? List.of() : files;
    }
}
