package cn.qinqing.platform.documents;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where a service keeps uploaded documents and what it accepts (docs/operations.md, "Documents"; ADR 0009).
 *
 * @param endpoint the object store's S3 API; the local default is the run command's s3proxy
 * @param region the region the client signs for (any name for s3proxy or MinIO)
 * @param accessKey the access key id of the service's object-store account
 * @param secretKey its secret
 * @param bucket the bucket, created on first use if it does not exist
 * @param pathStyle bucket in the path ({@code http://host/bucket/key}), as s3proxy and MinIO want
 * @param maxFileSize the largest file one upload may carry
 * @param maxPerAppeal all documents of one appeal (or case file) together at most this much
 * @param allowedTypes media types accepted, as Apache Tika detects them from the content
 * @param pendingGrace an upload not referenced by any event after this long is deleted by the sweep
 * @param sweepInterval how often the sweep runs; zero turns it off
 */
@ConfigurationProperties("qinqing.documents")
public record DocumentsProperties(
        @DefaultValue("http://127.0.0.1:9010") URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("qinqing-local") String accessKey,
        @DefaultValue("qinqing-local-secret") String secretKey,
        @DefaultValue("qinqing-documents") String bucket,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("100MB") DataSize maxPerAppeal,
        @DefaultValue({
                    "application/pdf",
                    "image/jpeg",
                    "image/png",
                    "image/gif",
                    "image/webp",
                    "text/plain",
                    "application/msword",
                    "application/vnd.ms-excel",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                })
                List<String> allowedTypes,
        @DefaultValue("1h") Duration pendingGrace,
        @DefaultValue("15m") Duration sweepInterval) {}
