#!/usr/bin/env bash
# Makes the secrets docker-compose.yml requires, once per deployment, into an env file readable by you only:
#   bash docker/make-secrets.sh                 # writes .crossdesk/compose.env (git ignores .crossdesk/)
#   bash docker/make-secrets.sh path/to/file    # writes there instead
# then: docker compose --env-file .crossdesk/compose.env up --build -d   (docs/running.md)
#
# One random secret per Kafka principal (the same user and secret authenticate to the schema registry), the
# controller listener's, the key notifications seals webhook secrets with, and three HTTP API keys (admin,
# supervisor, auditor) of which the file keeps only the SHA-256 hashes: the keys themselves are printed once.
# An existing file is never overwritten: its secrets are in the broker's data and sealed subscriptions.
set -euo pipefail
# A given path is the caller's (relative to where they stand); the default is in the repository.
target=${1:-$(cd "$(dirname "$0")/.." && pwd)/.crossdesk/compose.env}
if [ -e "$target" ]; then
  echo "make-secrets: $target exists; its secrets are in use (the broker's data, sealed subscriptions): not overwritten" >&2
  exit 1
fi

random_hex() { # 32 random bytes, hex: safe as is in JAAS lines, properties, basic auth and env files
  od -An -N32 -tx1 /dev/urandom | tr -d ' \n'
}
sha256_hex() {
  printf '%s' "$1" | sha256sum | cut -d' ' -f1
}

mkdir -p "$(dirname "$target")"
umask 077
admin_key=cdk-$(random_hex)
supervisor_key=cdk-$(random_hex)
auditor_key=cdk-$(random_hex)
temp=$(mktemp "$target.XXXXXX")
trap 'rm -f "$temp"' EXIT
{
  echo "# docker-compose.yml's secrets, made by docker/make-secrets.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Keep this file"
  echo "# private; losing it means rotating every credential (docs/security.md)."
  echo "# Kafka super user (also the schema registry's admin) and the controller listener's only user."
  echo "CROSSDESK_SECRET_ADMIN=$(random_hex)"
  echo "CROSSDESK_SECRET_CONTROLLER=$(random_hex)"
  echo "# One per principal (docs/security.md): the services, routing's desk issuer, the auditor."
  for principal in SVC_INTAKE SVC_ROUTING SVC_NOTIFICATIONS SVC_DASHBOARD SVC_SCHEMA_REGISTRY SVC_DESK_ACCESS AUDITOR; do
    echo "CROSSDESK_SECRET_$principal=$(random_hex)"
  done
  echo "# Seals webhook secrets in Kafka: base64 of 32 random bytes."
  echo "CROSSDESK_NOTIFICATIONS_SECRET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  echo "# HTTP API keys, SHA-256 hashes only ('sha256:<hex> <principal> <ROLES> [desk]', ';' between entries)."
  echo "CROSSDESK_HTTP_API_KEYS='sha256:$(sha256_hex "$admin_key") admin ADMIN;sha256:$(sha256_hex "$supervisor_key") supervisor SUPERVISOR;sha256:$(sha256_hex "$auditor_key") auditor AUDITOR'"
} >"$temp"
mv "$temp" "$target"
trap - EXIT

cat <<MSG
make-secrets: wrote $target (readable by you only). The HTTP API keys, shown this once (the file keeps hashes):
  admin       $admin_key
  supervisor  $supervisor_key
  auditor     $auditor_key
Start the stack: docker compose --env-file $target up --build -d
MSG
