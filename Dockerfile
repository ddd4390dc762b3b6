# syntax=docker/dockerfile:1

# ---- build -------------------------------------------------------------------------------------------------------
# The Maven wrapper downloads Maven itself; the cache mount keeps ~/.m2 (Maven and the dependencies) between builds.
FROM eclipse-temurin:17.0.13_11-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
 && cp target/congvan-*.jar /workspace/app.jar

# ---- runtime -----------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17.0.13_11-jre

# curl for the HEALTHCHECK and tzdata for TZ (the JVM has its own zone data; the system's is for everything else),
# installed explicitly rather than relying on what the base image happens to contain. Tesseract with its Vietnamese
# and orientation data reads scans on the forms and the extraction API (ADR 0046, 0054); without it OCR is off.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl tzdata \
        tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd; \
    rm -rf /var/lib/apt/lists/*

# A fixed numeric uid/gid so that orchestrators can check "runs as non-root" and volumes can be chowned to it.
RUN set -eux; \
    groupadd --system --gid 10001 congvan; \
    useradd --system --uid 10001 --gid congvan --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin congvan; \
    mkdir -p /var/lib/congvan/files; \
    chown congvan:congvan /var/lib/congvan/files

WORKDIR /opt/congvan
COPY --from=build /workspace/app.jar app.jar

# External PostgreSQL only: pass SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD
# at run time. Extra JVM options can be given through JAVA_TOOL_OPTIONS.
# TZ is the zone of the container and of the JVM (user.timezone below), Vietnam's unless the operator sets another;
# the portal's dates and numbering years follow congvan.time-zone (CONGVAN_TIME_ZONE), Vietnam's by default too.
ENV SPRING_PROFILES_ACTIVE=prod \
    CONGVAN_STORAGE_ROOT=/var/lib/congvan/files \
    TZ=Asia/Ho_Chi_Minh

# Declared after the chown so that a new volume starts out owned by the application user.
VOLUME ["/var/lib/congvan/files"]

USER 10001:10001
EXPOSE 8080

# On the management port (ADR 0062): its own connector and threads, so a burst on 8080 does not fail the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${CONGVAN_MANAGEMENT_PORT:-9090}/actuator/health/readiness" || exit 1

# The shell only puts TZ into -Duser.timezone; exec makes java PID 1, so it receives SIGTERM and
# server.shutdown=graceful can finish running requests.
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:MaxRAMPercentage=75 -Duser.timezone=\"${TZ:-Asia/Ho_Chi_Minh}\" -jar /opt/congvan/app.jar \"$@\"", "congvan"]
