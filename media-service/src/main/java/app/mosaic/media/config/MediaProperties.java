package app.mosaic.media.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and lifecycle of uploads.
 *
 * @param bucket the S3 bucket, created at start when missing
 * @param maxFileSize larger uploads are refused with 413
 * @param maxPixels larger images are refused with 413, judged from the header alone
 * @param uploadsPerHour per user, 429 beyond
 * @param storageQuota stored bytes per user, 413 beyond
 * @param maxConcurrentProcessing images decoded at once per instance (bounds memory); others wait briefly, then 503
 * @param orphanAfter media not attached to anything this long are deleted
 * @param orphanSweepInterval how often orphans are looked for
 * @param purgeInterval how often media marked for deletion are removed from S3 and the database
 * @param stalledAfter an upload still processing this long was interrupted and is cleaned up
 * @param redirectToStorage answer variant requests with a redirect to a presigned S3 URL instead of the bytes
 * @param webp also store WebP variants (when the platform's encoder loads)
 */
@ConfigurationProperties(prefix = "mosaic.media")
public record MediaProperties(String bucket, DataSize maxFileSize, long maxPixels, int uploadsPerHour,
		DataSize storageQuota, int maxConcurrentProcessing, Duration orphanAfter, Duration orphanSweepInterval,
		Duration purgeInterval, Duration stalledAfter, boolean redirectToStorage, boolean webp, float jpegQuality,
		float webpQuality) {
}
