# Build stage: the same Maven wrapper and JDK release as the README.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY web-client/pom.xml web-client/pom.xml
COPY server/pom.xml server/pom.xml
COPY load-tool/pom.xml load-tool/pom.xml
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=atelier-web-client || true
COPY web-client/ web-client/
COPY server/ server/
COPY load-tool/ load-tool/
COPY docs/ docs/
# The root pom lists every module, so each must be present; only the server is built.
RUN ./mvnw -B -q package -DskipTests -pl server -am

# Run stage: a JRE, a non-root user, the one jar (its manifest carries Hazelcast's --add-opens).
FROM eclipse-temurin:17-jre
RUN groupadd --system atelier && useradd --system --gid atelier --home /app atelier \
    && mkdir -p /app/data && chown -R atelier:atelier /app
WORKDIR /app
COPY --from=build /src/server/target/atelier-server.jar /app/atelier-server.jar
USER atelier
ENV PORT=8080 \
    ATELIER_HOST=0.0.0.0 \
    ATELIER_DATA_DIR=/app/data \
    ATELIER_CLUSTER_HOST=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dhazelcast.phone.home.enabled=false"
# The SQLite journal (the default): keep it on a volume, or it goes with the container.
VOLUME ["/app/data"]
EXPOSE 8080 5701
ENTRYPOINT ["java", "-jar", "/app/atelier-server.jar"]
