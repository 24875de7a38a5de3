package cn.qinqing.portal.appeal;

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
}
