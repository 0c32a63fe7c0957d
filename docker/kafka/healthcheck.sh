#!/usr/bin/env bash
# The broker's health check: healthy when it answers an authenticated request on its internal listener.
# It authenticates as the admin with the broker's own JAAS line for that listener (already in this container's
# environment), handed over through a pipe so that the secret is never written to a file.
set -euo pipefail
client_config() {
  printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' \
    "$KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG"
}
# A short JVM every few seconds: a small heap, not the broker's.
KAFKA_HEAP_OPTS=-Xmx96m /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:19092 \
  --command-config <(client_config) >/dev/null 2>&1
