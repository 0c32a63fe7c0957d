#!/usr/bin/env bash
# Starts Confluent's Schema Registry (docker-compose.yml) with HTTP basic authentication: writes the password file
# that docker/schema-registry/jaas.conf names, then runs the image's own start script.
#
# CROSSDESK_REGISTRY_PASSWORDS holds its lines, '<user>: <password>,<role>' (Jetty's PropertyFileLoginModule
# format), one principal each: the same user and secret as that principal's Kafka credential, as the services
# send them (basic.auth.user.info). The file lives on a tmpfs, readable by this container's user only.
set -euo pipefail
: "${CROSSDESK_REGISTRY_PASSWORDS:?CROSSDESK_REGISTRY_PASSWORDS is not set: see docker-compose.yml}"
passwords=/run/crossdesk-registry/passwords.properties
umask 077
printf '%s\n' "$CROSSDESK_REGISTRY_PASSWORDS" >"$passwords"
unset CROSSDESK_REGISTRY_PASSWORDS
exec /etc/confluent/docker/run
