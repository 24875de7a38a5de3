package cn.qinqing.platform.documents;

import java.text.Normalizer;

/**
 * File names as people gave them, made safe to store, show and send back: no folders, no control or reserved
 * characters, no leading dots, at most 120 characters with the extension kept. Chinese names stay as they are.
 */
public final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {}

    public static String sanitise(String given) {
        String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
        // a browser on Windows may send the whole path; keep the last segment
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)
                    || "<>:\"|?*;%".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED) {
                safe.append('_');
            } else if (Character.isWhitespace(c)) {
                safe.append(' ');
            } else {
                safe.appendCodePoint(c);
            }
        });
        name = safe.toString().strip().replaceAll(" {2,}", " ");
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "document";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = extension.isEmpty() ? name : name.substring(0, dot);
            int keep = MAX_LENGTH - extension.length();
            name = stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
        }
        return name;
    }

    /**
     * A {@code Content-Disposition} for a download (RFC 6266): an ASCII {@code filename} for old clients and the real
     * name as {@code filename*=UTF-8''…} (RFC 8187), which every current browser prefers.
     */
    public static String contentDisposition(String name) {
        String ascii = name.codePoints()
                .map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            // attr-char of RFC 8187
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
