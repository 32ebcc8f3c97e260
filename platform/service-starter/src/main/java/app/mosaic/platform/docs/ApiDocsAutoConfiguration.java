package app.mosaic.platform.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.AntPathMatcher;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.security.MosaicSecurityProperties;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;

/**
 * Every service's OpenAPI document, ready for the gateway's Swagger UI: title, version and description; the
 * gateway as the server; a bearer scheme so "Authorize" takes a token from {@code POST /api/v1/auth/token};
 * only the public {@code /api/**} paths; the problem+json answers each operation can give; and the paging
 * parameters of list endpoints.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

	static final String BEARER = "bearer-jwt";
	static final String PROBLEM = "Problem";

	static {
		// resolved by the platform, never sent by clients as such
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, PageRequest.class);
	}

	@Bean
	OpenAPI mosaicOpenApi(ApiDocsProperties api) {
		return new OpenAPI()
			.info(new Info().title(api.title()).version(api.version()).description(api.description()))
			.servers(List.of(new Server().url(api.serverUrl()).description("The Mosaic API gateway")))
			.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.bearerFormat("JWT")
					.description("The accessToken that POST /api/v1/auth/token answers; it expires after 5 minutes, "
							+ "POST /api/v1/auth/token/refresh gives a new one."))
				)
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/** List endpoints take {@link PageRequest}: documented as the two query parameters it is read from. */
	@Bean
	OperationCustomizer pagingParameters() {
		return (operation, handler) -> {
			boolean pages = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> p.getParameterType() == PageRequest.class);
			if (pages) {
				operation.addParametersItem(new Parameter().in("query").name(PageRequest.CURSOR).required(false)
					.description("The nextCursor of the previous page; absent for the first page.")
					.schema(new StringSchema()));
				operation.addParametersItem(new Parameter().in("query").name(PageRequest.LIMIT).required(false)
					.description("Items per page.")
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(Page.MAX_LIMIT))._default(Page.DEFAULT_LIMIT)));
			}
			return operation;
		};
	}

	/** Public paths need no token; every operation lists the problem+json answers it can give. */
	@Bean
	OpenApiCustomizer problemsAndPublicPaths(MosaicSecurityProperties security) {
		AntPathMatcher matcher = new AntPathMatcher();
		return openApi -> {
			// here, not in the base document: springdoc replaces the base document's schemas with the generated ones
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean open = security.publicPaths().stream().anyMatch(p -> matcher.match(p, path));
				if (open) {
					operation.setSecurity(List.of());
				}
				Map<String, String> problems = new LinkedHashMap<>();
				if (hasInput(operation)) {
					problems.put("400", "Bad input: problem+json, with errors[{field, message}] for invalid fields.");
				}
				if (!open) {
					problems.put("401", "No token, or an expired or invalid one.");
				}
				if (path.contains("{")) {
					problems.put("404", "Missing, or not visible to you (private and blocked content answers 404 too).");
				}
				problems.put("429", "Rate limited by the gateway; retry after the Retry-After header's seconds.");
				problems.put("503", "A service this needs is down; retry after the Retry-After header's seconds.");
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
				problems.forEach((status, description) -> responses.computeIfAbsent(status, s -> problem(description)));
				operation.setResponses(responses);
			}));
		};
	}

	private static boolean hasInput(Operation operation) {
		return operation.getRequestBody() != null || (operation.getParameters() != null && !operation.getParameters().isEmpty());
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema fieldError = new ObjectSchema();
		fieldError.addProperty("field", new StringSchema());
		fieldError.addProperty("message", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("An error, as RFC 9457 problem details.");
		problem.addProperty("type", new StringSchema().format("uri").example("https://mosaic.app/problems/not-found"));
		problem.addProperty("title", new StringSchema().example("Not found"));
		problem.addProperty("status", new IntegerSchema().example(404));
		problem.addProperty("detail", new StringSchema().example("No such user."));
		problem.addProperty("errors", new ArraySchema().items(fieldError).description("For validation failures: each invalid field."));
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}
}
