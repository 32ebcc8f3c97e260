package app.mosaic.media.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.mosaic.media.config.MediaProperties;
import app.mosaic.platform.web.ApiProblem;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Item;

/**
 * The media bucket, through the MinIO client. Any failure to reach S3 becomes a 503 with Retry-After: the
 * caller may retry, and nothing half-written is left behind by the callers' ordering.
 */
@Component
public class ObjectStore {

	private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

	private final MinioClient s3;
	private final String bucket;
	private volatile boolean bucketReady;

	ObjectStore(MinioClient s3, MediaProperties properties) {
		this.s3 = s3;
		this.bucket = properties.bucket();
		try {
			ensureBucket();
		}
		catch (RuntimeException e) {
			// S3 may come up after the service; the first use tries again
			log.warn("Bucket {} not ready at start: {}", bucket, e.getMessage());
		}
	}

	public void put(String key, byte[] bytes, String contentType) {
		ensureBucket();
		call(() -> s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key).contentType(contentType)
			.stream(new ByteArrayInputStream(bytes), bytes.length, -1).build()));
	}

	/** The object's bytes, to be closed by the caller. */
	public InputStream get(String key) {
		return call(() -> s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
	}

	public String presignedGet(String key, Duration validFor) {
		return call(() -> s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket(bucket)
			.object(key).expiry((int) Math.max(1, Math.min(validFor.toSeconds(), TimeUnit.DAYS.toSeconds(7)))).build()));
	}

	public List<String> keys(String prefix) {
		return call(() -> {
			List<String> keys = new ArrayList<>();
			for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
				keys.add(item.get().objectName());
			}
			return keys;
		});
	}

	/** Removes every object under the prefix; removing what is already gone is not an error. */
	public void deletePrefix(String prefix) {
		for (String key : keys(prefix)) {
			call(() -> {
				s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
				return null;
			});
		}
	}

	private void ensureBucket() {
		if (bucketReady) {
			return;
		}
		call(() -> {
			if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
				try {
					s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
					log.info("Created bucket {}", bucket);
				}
				catch (ErrorResponseException e) {
					// another instance created it first
					if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
						throw e;
					}
				}
			}
			return null;
		});
		bucketReady = true;
	}

	private static <T> T call(S3Call<T> call) {
		try {
			return call.run();
		}
		catch (Exception e) {
			if (e instanceof ErrorResponseException r && "NoSuchKey".equals(r.errorResponse().code())) {
				throw ApiProblem.notFound("No such media.");
			}
			log.warn("S3 call failed: {}", e.toString());
			throw ApiProblem.unavailable("Media storage is unavailable. Try again shortly.", 5);
		}
	}

	@FunctionalInterface
	private interface S3Call<T> {
		T run() throws Exception;
	}
}
