#!/usr/bin/env bash
# The same requests as the .http files beside this one, with curl, against a running ./devstack.
set -euo pipefail
INTAKE=${INTAKE:-http://localhost:8081}
DEADLINE=${DEADLINE:-http://localhost:8082}
STATS=${STATS:-http://localhost:8083}
CODE=SADEC-P1-220105-CURL$RANDOM

curl -sS -X POST "$INTAKE/api/dossiers" -H 'Content-Type: application/json' -H "Idempotency-Key: curl-$CODE" -d @- <<JSON
{"procedureCode": "1.004873", "unitCode": "SADEC-P1", "channel": "DIRECT",
 "receivedAt": "2022-01-05T08:30:00+07:00", "dossierCode": "$CODE",
 "applicant": {"name": "Nguyễn Văn An", "idNumber": "087090001234", "phone": "0912345678"}}
JSON
echo
curl -sS -X POST "$INTAKE/api/dossiers/$CODE/result" -H 'Content-Type: application/json' \
  -d '{"resolvedAt": "2022-01-07T10:00:00+07:00", "decision": "APPROVED"}'
echo
curl -sS "$INTAKE/api/dossiers/$CODE"; echo
curl -sS "$DEADLINE/api/deadlines/overdue?unit=SADEC"; echo
curl -sS "$STATS/api/stats/reports/2022-H1?unit=SADEC"; echo
echo "-- the unit tree, as stats-service has it from the catalogue topic"
curl -sS "$STATS/api/stats/units"; echo
