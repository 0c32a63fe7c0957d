#!/usr/bin/env bash
# One-shot, before the broker (docker-compose.yml's kafka-format): formats the broker's storage with the
# super user's SCRAM credential in it (KIP-900), as the launcher does, so that the broker can authenticate
# its admin from its first start. The apache/kafka image formats storage itself on every start, but with
# nothing but --cluster-id (its launch script takes no further format options), and a SCRAM credential can
# only be put into a new cluster's metadata by the format; so this runs first, in the same image, on the
# same volume and with the same KAFKA_* environment as the broker. On a volume that is formatted already it
# changes nothing (--ignore-formatted), and the image's own format then reports "already formatted", which
# its launch script accepts.
set -euo pipefail

: "${CLUSTER_ID:?CLUSTER_ID is not set}"
: "${CROSSDESK_SECRET_ADMIN:?CROSSDESK_SECRET_ADMIN is not set: run docker/make-secrets.sh (docs/running.md)}"
kafka_home=${KAFKA_HOME:-/opt/kafka}

# The broker's server.properties, rendered from KAFKA_* exactly as the image renders it (its documented
# naming: '.' is written '_', '_' is '__', '-' is '___'; these variables are the image's, not properties).
render_server_properties() {
  local name key
  for name in $(compgen -e); do
    case "$name" in
      KAFKA_VERSION | KAFKA_HEAP_OPTS | KAFKA_LOG4J_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_JVM_PERFORMANCE_OPTS \
        | KAFKA_GC_LOG_OPTS | KAFKA_LOG4J_ROOT_LOGLEVEL | KAFKA_LOG4J_LOGGERS | KAFKA_TOOLS_LOG4J_LOGLEVEL \
        | KAFKA_JMX_HOSTNAME) continue ;;
      KAFKA_*) ;;
      *) continue ;;
    esac
    key=${name#KAFKA_}
    key=${key,,}
    key=${key//_/.}
    key=${key//.../-}
    key=${key//../_}
    printf '%s=%s\n' "$key" "${!name}"
  done
}

# The rendered file holds the listeners' JAAS lines: owner-only, and gone when this ends.
umask 077
config=$(mktemp)
trap 'rm -f "$config"' EXIT
render_server_properties >"$config"

# The tool is a short JVM: the broker's heap settings are not for it.
KAFKA_HEAP_OPTS=-Xmx128m "$kafka_home/bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$config" \
  --ignore-formatted --add-scram "SCRAM-SHA-512=[name=admin,password=$CROSSDESK_SECRET_ADMIN]"
