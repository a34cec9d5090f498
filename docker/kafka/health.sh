#!/bin/bash
# Compose's health check of the broker: it answers the super user on the services' listener.
set -euo pipefail
cat >/tmp/health.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPERTIES
/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:19092 --command-config /tmp/health.properties >/dev/null
