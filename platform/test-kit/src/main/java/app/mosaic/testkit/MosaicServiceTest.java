package app.mosaic.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against the embedded PostgreSQL, Kafka (and S3) servers, trusting
 * {@link TestJwts}; {@code @Autowired HttpApi} calls it. Every test class of a module that uses it unchanged shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@Import({ TestSecurityConfiguration.class, TestHttpApiConfiguration.class })
public @interface MosaicServiceTest {
}
