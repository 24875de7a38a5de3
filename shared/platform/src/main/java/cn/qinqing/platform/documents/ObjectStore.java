package cn.qinqing.platform.documents;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket behind the S3 API: the same calls against the city's object store (MinIO, an OSS/S3 service) and the
 * local s3proxy. The bucket is created on first use, so that a service starts even while the store is away.
 */
public class ObjectStore {

    /** An object and when it was last written. */
    public record StoredObject(String key, Instant lastModified) {}

    private final S3Client s3;
    private final String bucket;
    private volatile boolean bucketReady;

    public ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public void put(String key, InputStream content, long size, String contentType) {
        ensureBucket();
        s3.putObject(
                request ->
                        request.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                RequestBody.fromInputStream(content, size));
    }

    public Optional<ResponseInputStream<GetObjectResponse>> open(String key) {
        ensureBucket();
        try {
            return Optional.of(s3.getObject(request -> request.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Copies {@code from} to {@code to} and deletes {@code from}; a no-op when {@code from} is gone already. */
    public void move(String from, String to) {
        ensureBucket();
        try {
            s3.copyObject(request -> request.sourceBucket(bucket)
                    .sourceKey(from)
                    .destinationBucket(bucket)
                    .destinationKey(to));
        } catch (NoSuchKeyException e) {
            return;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return;
            }
            throw e;
        }
        s3.deleteObject(request -> request.bucket(bucket).key(from));
    }

    public void delete(String key) {
        ensureBucket();
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    public List<StoredObject> list(String prefix) {
        ensureBucket();
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(object -> new StoredObject(object.key(), object.lastModified()))
                .toList();
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                s3.headBucket(request -> request.bucket(bucket));
            } catch (NoSuchBucketException e) {
                createBucket();
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                createBucket();
            }
            bucketReady = true;
        }
    }

    private void createBucket() {
        try {
            s3.createBucket(request -> request.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // another instance was first
        }
    }
}
