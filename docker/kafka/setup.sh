#!/bin/bash
# Topics, principals and ACLs of the suite, as local-infra's SuiteAcls grants them (README, the table of Kafka principals):
# each service writes what it produces and the dead letters of what it consumes, reads what it consumes, and uses
# only consumer groups named after it; auditor reads everything; alerts-reader reads deadline-alerts. Idempotent.
set -euo pipefail
bin=/opt/kafka/bin
admin=/tmp/admin.properties
cat >"$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?}";
PROPERTIES
server=kafka:19092

for topic in dossier-events dossier-events.dlq deadline-alerts deadline-alerts.dlq catalogue.dlq; do
  $bin/kafka-topics.sh --bootstrap-server $server --command-config "$admin" --create --if-not-exists \
    --topic "$topic" --partitions 3 --replication-factor 1
done
$bin/kafka-topics.sh --bootstrap-server $server --command-config "$admin" --create --if-not-exists \
  --topic catalogue --partitions 3 --replication-factor 1 --config cleanup.policy=compact

principal() { # name password
  $bin/kafka-configs.sh --bootstrap-server $server --command-config "$admin" --alter --entity-type users \
    --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
principal intake "${KAFKA_INTAKE_PASSWORD:?}"
principal deadline "${KAFKA_DEADLINE_PASSWORD:?}"
principal stats "${KAFKA_STATS_PASSWORD:?}"
principal auditor "${KAFKA_AUDITOR_PASSWORD:?}"
principal alerts-reader "${KAFKA_ALERTS_READER_PASSWORD:?}"

allow() { # principal operation topic...
  local user=$1 operation=$2; shift 2
  for topic in "$@"; do
    $bin/kafka-acls.sh --bootstrap-server $server --command-config "$admin" --add \
      --allow-principal "User:$user" --operation "$operation" --topic "$topic"
  done
}
groups() { # principal prefix
  $bin/kafka-acls.sh --bootstrap-server $server --command-config "$admin" --add \
    --allow-principal "User:$1" --operation Read --group "$2" --resource-pattern-type prefixed
}
allow intake Write dossier-events catalogue catalogue.dlq
allow intake Read catalogue
groups intake intake-
allow deadline Write deadline-alerts dossier-events.dlq catalogue.dlq deadline-alerts.dlq
allow deadline Read dossier-events catalogue deadline-alerts
groups deadline deadline-
allow stats Write dossier-events.dlq deadline-alerts.dlq catalogue.dlq
allow stats Read dossier-events deadline-alerts catalogue
groups stats stats-
allow auditor Read '*'
groups auditor auditor
allow alerts-reader Read deadline-alerts
groups alerts-reader alerts-reader
