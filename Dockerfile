# The decision service (./policy serve) as a container image; docs/deploy/ runs it on Kubernetes.
#   docker build -t policy-engine .
#   docker run -p 8080:8080 -v policy-log:/var/log/policy policy-engine
# The entry command is policy-examples/src/main/container/serve.sh, which ContainerEntryTest runs as a
# non-root user from the same layout; its settings (POLICY_RULES, POLICY_PORT, ...) are listed there.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY policy-core/pom.xml policy-core/
COPY policy-rules/pom.xml policy-rules/
COPY policy-examples/pom.xml policy-examples/
RUN mvn -B -q dependency:go-offline || true
COPY docs/openapi.yaml docs/
COPY policy-core/src policy-core/src
COPY policy-rules/src policy-rules/src
COPY policy-examples/src policy-examples/src
# the class-data-sharing archive is built below, by the runtime image's own JVM
RUN mvn -B -q -DskipTests -Dexec.skip package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 policy \
 && useradd --system --uid 10001 --gid policy --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin policy \
 && mkdir -p /var/log/policy && chown policy:policy /var/log/policy
WORKDIR /opt/policy
COPY --from=build /src/policy-examples/target/policy-examples.jar ./
COPY --from=build /src/policy-examples/target/lib/ lib/
COPY policy-examples/src/main/container/serve.sh ./
COPY policy-examples/src/main/cds/build-archive.sh policy-examples/src/main/cds/training-claims.jsonl training/
RUN bash training/build-archive.sh /opt/policy && test -f cds/policy.jsa
USER policy
# one decision log per instance (decisions-HOSTNAME.jsonl), for the platform's log shipper
VOLUME /var/log/policy
EXPOSE 8080
ENV POLICY_HOST=0.0.0.0 POLICY_LOG_DIR=/var/log/policy
ENTRYPOINT ["/opt/policy/serve.sh"]
