#!/usr/bin/env bash
# Healthy when the service's actuator says UP. Plain bash (/dev/tcp): the JRE image has no curl.
# Usage: healthcheck.sh [port] [path]   (defaults: $SERVER_PORT, /actuator/health)
set -u
port=${1:-${SERVER_PORT:-8080}}
path=${2:-/actuator/health}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
response=$(timeout 3 cat <&3)
case "$response" in
  "HTTP/1.1 200"*'"status":"UP"'* | "HTTP/1.0 200"*'"status":"UP"'*) exit 0 ;;
  *) exit 1 ;;
esac
