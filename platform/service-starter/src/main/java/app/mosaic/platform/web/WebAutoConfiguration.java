package app.mosaic.platform.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem+json for every error a servlet service can answer, inside Spring MVC and outside it. */
@AutoConfiguration
@AutoConfigureBefore(ErrorMvcAutoConfiguration.class)
@Import({ ProblemExceptionHandler.class, ProblemErrorController.class })
public class WebAutoConfiguration {

	/** Client JSON is read strictly (types, text, trailing content): see {@link StrictJson}. */
	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson::configure;
	}

	@Bean
	FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(
			@Value("${mosaic.web.max-body-size:1MB}") DataSize maxBodySize) {
		FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(new RequestBodyFilter(maxBodySize));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
		FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	/** Tomcat's own refusals (before Spring sees a request) as problem+json too. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	@Bean
	WebMvcConfigurer pageRequestArgumentResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new PageRequestArgumentResolver());
			}
		};
	}
}
