package app.mosaic.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Problem+json for every error a servlet service can answer, inside Spring MVC and outside it. */
@AutoConfiguration
@AutoConfigureBefore(ErrorMvcAutoConfiguration.class)
@Import({ ProblemExceptionHandler.class, ProblemErrorController.class })
public class WebAutoConfiguration {
}
