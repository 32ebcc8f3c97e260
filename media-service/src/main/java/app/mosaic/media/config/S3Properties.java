package app.mosaic.media.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the objects are stored: any S3 endpoint (MinIO, S3Proxy, AWS). */
@ConfigurationProperties(prefix = "mosaic.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey, String region) {
}
