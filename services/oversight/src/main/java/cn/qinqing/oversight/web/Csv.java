package cn.qinqing.oversight.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * CSV as spreadsheet software opens it: UTF-8 with a byte order mark (without it Excel reads Chinese as GBK and shows
 * garbage), RFC 4180 quoting, CRLF line ends. Text that a spreadsheet would take for a formula (starting with
 * {@code = + - @}, tab or carriage return) is prefixed with an apostrophe, so that exported data cannot run as one.
 */
public final class Csv {

    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {}

    public static byte[] write(List<String> header, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        line(text, List.copyOf(header));
        rows.forEach(row -> line(text, row));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder text, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof TemporalAccessor ? value.toString() : String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
