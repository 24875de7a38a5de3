package cn.qinqing.platform.documents;

import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.web.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a service does with uploaded files, in one place (ADR 0009):
 *
 * <ol>
 *   <li>{@link #upload} checks a file (size, type detected from its content by Apache Tika, name sanitised) and stores
 *       it under a <em>pending</em> key, computing its SHA-256 on the way;
 *   <li>the service's command then records the {@link DocumentRef}s in an event, or fails and records nothing;
 *   <li>{@link #commit} moves the committed ones to their final key; {@link #sweep} deletes pending uploads that no
 *       event took up (a request that failed half-way) and finishes a commit that was cut short.
 * </ol>
 *
 * <p>Nothing pending is ever shown: the service lists and serves only documents its read model holds, i.e. those an
 * event recorded, and serves them through its authenticated API after its own access check ({@link #download}).
 */
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    private static final Tika TIKA = new Tika();

    private final ObjectStore store;
    private final DocumentsProperties properties;
    private final String prefix;
    private final Clock clock;

    public Documents(ObjectStore store, DocumentsProperties properties, String service, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.prefix = service + "/";
        this.clock = clock;
    }

    public DocumentsProperties limits() {
        return properties;
    }

    /**
     * Refuses, before anything is stored, files over the per-file limit or that would take the owner (an appeal) over
     * its total; {@code field} names the form field in the problem.
     */
    public void checkSizes(List<MultipartFile> files, long alreadyStored, String field) {
        long total = alreadyStored;
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            if (file.getSize() > properties.maxFileSize().toBytes()) {
                throw DocumentRefusedException.tooLarge(
                        field + "[" + i + "]",
                        "must be at most " + mebibytes(properties.maxFileSize()) + " per file ("
                                + FileNames.sanitise(file.getOriginalFilename()) + " has " + file.getSize()
                                + " bytes)");
            }
            total += file.getSize();
        }
        if (total > properties.maxPerAppeal().toBytes()) {
            throw DocumentRefusedException.tooLarge(
                    field,
                    "must stay within " + mebibytes(properties.maxPerAppeal()) + " for all documents of one appeal ("
                            + alreadyStored + " bytes kept already)");
        }
    }

    /**
     * The files really sent: a browser sends an empty, nameless part for a file field left empty, which is no upload.
     */
    public static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(file -> file != null
                                && !(file.isEmpty()
                                        && (file.getOriginalFilename() == null
                                                || file.getOriginalFilename().isEmpty())))
                        .toList();
    }

    /**
     * Runs the command that records uploaded documents in an event: once it is committed the documents move to their
     * final key; if it fails they are removed and the failure goes on to be answered as usual.
     */
    public <T> T committing(List<DocumentRef> stored, java.util.function.Supplier<T> command) {
        T answer;
        try {
            answer = command.get();
        } catch (RuntimeException e) {
            stored.forEach(document -> discard(document.documentId()));
            throw e;
        }
        commit(stored);
        return answer;
    }

    /** Checks and stores every file under a pending key; on any refusal, removes those already stored. */
    public List<DocumentRef> uploadAll(List<MultipartFile> files, String field) {
        List<DocumentRef> uploaded = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                uploaded.add(upload(files.get(i), field + "[" + i + "]"));
            }
            return List.copyOf(uploaded);
        } catch (RuntimeException e) {
            uploaded.forEach(document -> discard(document.documentId()));
            throw e;
        }
    }

    /** Checks one file and stores it under a pending key. */
    public DocumentRef upload(MultipartFile file, String field) {
        String name = FileNames.sanitise(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw new InvalidRequestException(field, "is an empty file (" + name + ")");
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw DocumentRefusedException.tooLarge(
                    field, "must be at most " + mebibytes(properties.maxFileSize()) + " per file (" + name + ")");
        }
        String type = detect(file, name);
        if (!properties.allowedTypes().contains(type)) {
            throw DocumentRefusedException.unsupportedType(
                    field,
                    "is of type " + type + " by its content (" + name + "); accepted are "
                            + String.join(", ", properties.allowedTypes()));
        }
        UUID id = UUID.randomUUID();
        MessageDigest sha256 = sha256();
        try (InputStream content = new DigestInputStream(file.getInputStream(), sha256)) {
            store.put(pendingKey(id), content, file.getSize(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DocumentRef(id, name, type, file.getSize(), HexFormat.of().formatHex(sha256.digest()));
    }

    /** The recorded documents move to their final key; one that fails is left for {@link #sweep} to finish. */
    public void commit(Collection<DocumentRef> documents) {
        for (DocumentRef document : documents) {
            try {
                store.move(pendingKey(document.documentId()), finalKey(document.documentId()));
            } catch (RuntimeException e) {
                log.warn("Document {} stays pending until the next sweep: {}", document.documentId(), e.toString());
            }
        }
    }

    /** Removes an upload that no event will record (its command failed). */
    public void discard(UUID documentId) {
        try {
            store.delete(pendingKey(documentId));
        } catch (RuntimeException e) {
            log.warn("Pending document {} left for the sweep: {}", documentId, e.toString());
        }
    }

    /**
     * The document's bytes as a download: its detected type, its name in {@code Content-Disposition} (RFC 6266, Chinese
     * names intact), never cached by shared caches. The caller has checked that the user may read it.
     */
    public ResponseEntity<InputStreamResource> download(DocumentRef document) {
        var content = store.open(finalKey(document.documentId()))
                .or(() -> store.open(pendingKey(document.documentId())))
                .orElseThrow(() -> new IllegalStateException(
                        "Document " + document.documentId() + " is recorded but missing in the object store"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(document.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(document.name()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .eTag("\"" + document.sha256() + "\"")
                .body(new InputStreamResource(content));
    }

    /**
     * Pending uploads older than the grace period: those an event recorded move to their final key, the others are
     * deleted. Safe to run on several instances at once.
     *
     * @return how many were deleted
     */
    public int sweep(Predicate<UUID> recorded) {
        Instant before = clock.instant().minus(properties.pendingGrace());
        int deleted = 0;
        for (ObjectStore.StoredObject object : store.list(prefix + "pending/")) {
            if (object.lastModified().isAfter(before)) {
                continue;
            }
            Optional<UUID> id = idOf(object.key());
            if (id.isPresent() && recorded.test(id.get())) {
                store.move(object.key(), finalKey(id.get()));
            } else {
                store.delete(object.key());
                deleted++;
            }
        }
        return deleted;
    }

    String pendingKey(UUID id) {
        return prefix + "pending/" + id;
    }

    String finalKey(UUID id) {
        return prefix + "documents/" + id;
    }

    private static Optional<UUID> idOf(String key) {
        try {
            return Optional.of(UUID.fromString(key.substring(key.lastIndexOf('/') + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The type by content; the name only refines a generic container type (an Office file is a zip inside). */
    private static String detect(MultipartFile file, String name) {
        try (InputStream content = file.getInputStream()) {
            return TIKA.detect(content, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mebibytes(DataSize size) {
        return size.toMegabytes() + " MiB";
    }
}
