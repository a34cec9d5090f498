#!/usr/bin/env bash
# The same requests as the .http files beside this one, with curl, against a running ./devstack --demo (the demo
# realm: its kiosk secrets and the password grant of motcua-cli).
set -euo pipefail
INTAKE=${INTAKE:-http://localhost:8081}
DEADLINE=${DEADLINE:-http://localhost:8082}
STATS=${STATS:-http://localhost:8083}
TOKEN_URL=${TOKEN_URL:-http://localhost:8180/realms/motcua/protocol/openid-connect/token}
CODE=SADEC-P1.CURL$RANDOM

access_token() { sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
KIOSK=$(curl -sS -u kiosk-sadec-p1:kiosk-sadec-p1-secret -d grant_type=client_credentials "$TOKEN_URL" | access_token)
user() { curl -sS -d grant_type=password -d client_id=motcua-cli -d username="$1" -d password="$1" "$TOKEN_URL" | access_token; }
CLERK=$(user clerk-p1)
SUPERVISOR=$(user supervisor-sadec)

curl -sS -X POST "$INTAKE/api/dossiers" -H "Authorization: Bearer $KIOSK" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: curl-$CODE" -d @- <<JSON
{"procedureCode": "1.004873", "unitCode": "SADEC-P1", "channel": "DIRECT", "dossierCode": "$CODE",
 "applicant": {"name": "Nguyễn Văn An", "idNumber": "087090001234", "phone": "0912345678"}}
JSON
echo
echo "-- the slip to print (HTML): the link its QR code holds, the citizens' status page"
curl -sS -H "Authorization: Bearer $KIOSK" "$INTAKE/api/dossiers/$CODE/slip" | grep -o 'tra-cuu?ma=[A-Z0-9]*' | head -1
curl -sS -X POST "$INTAKE/api/dossiers/$CODE/result" -H "Authorization: Bearer $CLERK" \
  -H 'Content-Type: application/json' -d '{"decision": "APPROVED", "resultDelivery": "PAPER"}'
echo
curl -sS -H "Authorization: Bearer $CLERK" "$INTAKE/api/dossiers/$CODE"; echo
curl -sS -H "Authorization: Bearer $SUPERVISOR" "$DEADLINE/api/deadlines/overdue?unit=SADEC"; echo
curl -sS "$STATS/api/stats/reports/2022-H1?unit=SADEC&by=field"; echo
echo "-- the unit tree, as stats-service has it from the catalogue topic"
curl -sS "$STATS/api/stats/units"; echo
