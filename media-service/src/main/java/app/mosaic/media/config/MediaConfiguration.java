package app.mosaic.media.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.media.image.ImageProcessor;
import io.minio.MinioClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MediaProperties.class, S3Properties.class })
class MediaConfiguration {

	@Bean
	MinioClient minioClient(S3Properties s3) {
		return MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey()).region(s3.region())
			.build();
	}

	@Bean
	ImageProcessor imageProcessor(MediaProperties media) {
		return new ImageProcessor(media.maxPixels(), media.jpegQuality(), media.webp(), media.webpQuality());
	}
}
