package cn.qinqing.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An image as Jib writes it with {@code buildTar} and format OCI: a tar in OCI image layout (index.json, blobs). Read
 * without a container engine, which these machines cannot run.
 */
record OciImage(JsonNode index, JsonNode manifest, JsonNode config, List<List<TarEntry>> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of a tar: its path, mode, owner and size. */
    record TarEntry(String name, int mode, int uid, int gid, long size, char type) {}

    static OciImage read(Path tar) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            readTar(in, (entry, content) -> files.put(entry.name(), content.readAllBytes()));
        }
        JsonNode index = JSON.readTree(files.get("index.json"));
        JsonNode manifest =
                JSON.readTree(blob(files, index.at("/manifests/0/digest").asText()));
        JsonNode config =
                JSON.readTree(blob(files, manifest.at("/config/digest").asText()));
        List<List<TarEntry>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            List<TarEntry> entries = new ArrayList<>();
            InputStream content =
                    new ByteArrayInputStream(blob(files, layer.path("digest").asText()));
            if (layer.path("mediaType").asText().endsWith("gzip")) {
                content = new GZIPInputStream(content);
            }
            readTar(content, (entry, ignored) -> entries.add(entry));
            layers.add(entries);
        }
        return new OciImage(index, manifest, config, layers);
    }

    private static byte[] blob(Map<String, byte[]> files, String digest) {
        byte[] blob = files.get("blobs/" + digest.replace(':', '/'));
        if (blob == null) {
            throw new IllegalStateException("the image tar has no blob " + digest);
        }
        return blob;
    }

    interface EntryConsumer {
        void accept(TarEntry entry, InputStream content) throws IOException;
    }

    /** A ustar/GNU tar reader, just enough for image layers: names (with prefix), modes, owners, sizes. */
    static void readTar(InputStream in, EntryConsumer consumer) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (in.readNBytes(header, 0, 512) == 512) {
            if (isZero(header)) {
                break;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty() && header[257] == 'u') {
                name = prefix + "/" + name;
            }
            long size = octal(header, 124, 12);
            char type = header[156] == 0 ? '0' : (char) header[156];
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'x' || type == 'g') {
                continue;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            TarEntry entry = new TarEntry(
                    name,
                    (int) octal(header, 100, 8),
                    (int) octal(header, 108, 8),
                    (int) octal(header, 116, 8),
                    size,
                    type);
            consumer.accept(entry, new ByteArrayInputStream(content));
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String value = text(header, offset, length).trim();
        return value.isEmpty() ? 0 : Long.parseLong(value, 8);
    }
}
