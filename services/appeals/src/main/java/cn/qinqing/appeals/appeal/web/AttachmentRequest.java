package cn.qinqing.appeals.appeal.web;

import cn.qinqing.language.appeal.AttachmentRef;
import cn.qinqing.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Metadata of an attached file; the file itself is kept by the city's document store. */
record AttachmentRequest(
        @NotBlank @Size(max = 255) @PlainText String name,
        @NotBlank
                @Size(max = 100)
                @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a media type such as application/pdf")
                String mediaType,
        @PositiveOrZero @Max(value = 52_428_800, message = "must be at most 50 MiB") long sizeBytes,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)")
                String sha256) {

    AttachmentRef toRef() {
        return new AttachmentRef(name, mediaType, sizeBytes, sha256);
    }
}
