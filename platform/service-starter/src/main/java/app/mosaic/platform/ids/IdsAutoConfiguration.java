package app.mosaic.platform.ids;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** One {@link IdGenerator} per service instance; set {@code mosaic.ids.worker-id} uniquely per replica. */
@AutoConfiguration
public class IdsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdGenerator idGenerator(@Value("${mosaic.ids.worker-id:0}") long workerId) {
		return new IdGenerator(workerId);
	}
}
