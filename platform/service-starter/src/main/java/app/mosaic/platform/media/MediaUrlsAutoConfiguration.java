package app.mosaic.platform.media;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** {@link MediaUrls} for every service that shows images. */
@AutoConfiguration
@EnableConfigurationProperties(MediaUrlProperties.class)
public class MediaUrlsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MediaUrls mediaUrls(MediaUrlProperties properties, ObjectProvider<Clock> clock) {
		return new MediaUrls(properties, clock.getIfAvailable(Clock::systemUTC));
	}
}
