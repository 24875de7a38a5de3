package cn.qinqing.platform.documents;

import cn.qinqing.platform.PlatformProperties;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Documents for a service that declares {@code software.amazon.awssdk:s3} and {@code org.apache.tika:tika-core}: the S3
 * client, the bucket, the upload rules and the sweep of abandoned uploads (ADR 0009). Multipart requests may be as
 * large as one appeal's documents together; everything else keeps the platform's small body limit.
 */
@AutoConfiguration(before = MultipartAutoConfiguration.class)
@ConditionalOnClass({S3Client.class, Tika.class})
@EnableConfigurationProperties({DocumentsProperties.class, PlatformProperties.class})
public class DocumentsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentsAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Client documentsS3Client(DocumentsProperties properties) {
        return S3Client.builder()
                .endpointOverride(properties.endpoint())
                .region(Region.of(properties.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())))
                .forcePathStyle(properties.pathStyle())
                // checksums only where the API demands them: S3-compatible stores (s3proxy, older MinIO, OSS) do not
                // all take the SDK's newer trailing checksums; the platform keeps its own SHA-256 of every document
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectStore objectStore(S3Client s3, DocumentsProperties properties) {
        return new ObjectStore(s3, properties.bucket());
    }

    @Bean
    @ConditionalOnMissingBean
    Documents documents(ObjectStore store, DocumentsProperties properties, PlatformProperties platform) {
        return new Documents(store, properties, platform.name(), Clock.systemUTC());
    }

    /** Uploads go to disk, not the heap; a request may carry up to one appeal's worth of documents. */
    @Bean
    MultipartConfigElement multipartConfigElement(DocumentsProperties properties) {
        long total =
                properties.maxPerAppeal().toBytes() + DataSize.ofMegabytes(1).toBytes();
        return new MultipartConfigElement("", total, total, 0);
    }

    @Bean
    SmartLifecycle documentSweep(
            Documents documents, DocumentsProperties properties, ObjectProvider<RecordedDocuments> recorded) {
        return new SmartLifecycle() {
            private ScheduledExecutorService executor;

            @Override
            public void start() {
                RecordedDocuments known = recorded.getIfAvailable();
                long every = properties.sweepInterval().toMillis();
                if (known == null || every <= 0) {
                    return;
                }
                executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "document-sweep");
                    thread.setDaemon(true);
                    return thread;
                });
                executor.scheduleWithFixedDelay(
                        () -> {
                            try {
                                int deleted = documents.sweep(known::isRecorded);
                                if (deleted > 0) {
                                    log.info("Deleted {} abandoned uploads", deleted);
                                }
                            } catch (RuntimeException e) {
                                log.warn("Document sweep failed; next try in {}", properties.sweepInterval(), e);
                            }
                        },
                        every,
                        every,
                        TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                if (executor != null) {
                    executor.shutdownNow();
                    executor = null;
                }
            }

            @Override
            public boolean isRunning() {
                return executor != null;
            }
        };
    }
}
