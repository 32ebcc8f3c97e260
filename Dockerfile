# syntax=docker/dockerfile:1
# One image recipe for every service, so that each is built, tagged and released on its own:
#   docker build --build-arg SERVICE=post-service --build-arg VERSION=0.1.0 -t mosaic/post-service:0.1.0 .
# docs/operations.md, "Releasing one service", says what to test first.
ARG JAVA_VERSION=21

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
# only the service and the platform modules it needs; the Maven repository is cached between builds
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" -a -f "$SERVICE/pom.xml" || { echo "--build-arg SERVICE=<name>-service is required" >&2; exit 1; } \
 && ./mvnw -B -ntp -q -pl "$SERVICE" -am package -DskipTests \
 && java -Djarmode=tools -jar "$SERVICE/target/$SERVICE.jar" extract --layers --launcher --destination /layers

FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG SERVICE
ARG VERSION=dev
LABEL org.opencontainers.image.title="mosaic-$SERVICE" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.source="https://github.com/mosaic-app/mosaic"
RUN groupadd --system --gid 10001 mosaic && useradd --system --uid 10001 --gid mosaic --no-create-home mosaic
WORKDIR /app
# the layers in the order they change, so that a new build of the application reuses the dependency layers
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
# Every service listens on 8080 in a container; the gateway serves its actuator on MANAGEMENT_PORT (8081).
# The JVM sizes itself from the container's memory limit; an out-of-memory error restarts the container
# rather than leaving a half-working process; the collector is left to the JVM, which takes Serial below two
# CPUs or 1792 MB and G1 above. Operators override JAVA_TOOL_OPTIONS as a whole.
ENV PORT=8080 \
    LOG_FORMAT=ecs \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# readiness (the database reachable): what docker compose waits for before starting what depends on a service;
# bash's /dev/tcp, since the JRE image has no curl, and no second JVM every ten seconds
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT:-$PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
