package app.mosaic.platform.docs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's OpenAPI document says about itself ({@code mosaic.api.*}).
 *
 * @param title such as "Mosaic users and social graph"
 * @param description one paragraph for the reader of the Swagger UI
 * @param version the version of the public API contract
 * @param serverUrl the gateway's public origin: "Try it out" goes through the gateway, never to the service
 */
@ConfigurationProperties("mosaic.api")
public record ApiDocsProperties(String title, String description, String version, String serverUrl) {
}
