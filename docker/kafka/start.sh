#!/bin/bash
# The broker with the suite's security (the same settings as local-infra's EmbeddedKafka): clients log in with
# SASL/SCRAM-SHA-512, the standard authorizer denies what no ACL allows, and the controller's listener takes only
# this node (SASL/PLAIN, a password made at each start). The super user's SCRAM login is written into the storage
# when it is formatted, the first time; kafka-setup.sh creates the other principals and their ACLs.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is not set}"
# The read-only tools' principals may also use PLAIN: librdkafka before 2.6.1 (Debian's kcat) cannot finish SCRAM
# with Kafka 4. Same passwords as their SCRAM logins (setup.sh); over TLS only outside this host.
: "${KAFKA_AUDITOR_PASSWORD:?}" "${KAFKA_ALERTS_READER_PASSWORD:?}"
data=/var/lib/kafka/data
controller_password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
config=/tmp/server.properties
cat >"$config" <<PROPERTIES
node.id=1
process.roles=broker,controller
listeners=INTERNAL://:19092,EXTERNAL://:9092,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka:19092,EXTERNAL://localhost:9092
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
controller.quorum.voters=1@localhost:9093
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.external.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN
listener.name.external.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_auditor="$KAFKA_AUDITOR_PASSWORD" user_alerts-reader="$KAFKA_ALERTS_READER_PASSWORD";
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$controller_password" user_controller="$controller_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
log.dirs=$data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
if [[ ! -f $data/meta.properties ]]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
