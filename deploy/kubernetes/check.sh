#!/usr/bin/env bash
# Renders the manifests and checks them without a cluster: each service's unit alone
# (services/<service>), the namespace, the composition of all three (overlays/all) and the example
# overlay, and the Strimzi resources (kafka). check_manifests.py validates every field against the Kubernetes API models and what Aula needs;
# check_kafka.py checks the KafkaTopics against the topic catalogue and the KafkaUsers' ACLs against the code.
# Needs kubectl (or kustomize) and python3 with PyYAML; python3-kubernetes (Debian) for the schema part.
set -euo pipefail
cd "$(dirname "$0")"

render() {
  if command -v kubectl >/dev/null 2>&1; then kubectl kustomize "$1"
  elif command -v kustomize >/dev/null 2>&1; then kustomize build "$1"
  else echo "check.sh: needs kubectl or kustomize" >&2; exit 2; fi
}
# Debian's python3-kubernetes lives in the system interpreter, which may not be the first python3 on the PATH.
py=python3
if ! python3 -c 'import kubernetes' 2>/dev/null && /usr/bin/python3 -c 'import kubernetes' 2>/dev/null; then py=/usr/bin/python3; fi

status=0
for service in enrollment-service session-service certification-service; do
  echo "== services/$service"
  render "services/$service" | "$py" check_manifests.py --unit "$service" - || status=1
done
for dir in overlays/all overlays/example; do
  echo "== $dir"
  render "$dir" | "$py" check_manifests.py - || status=1
done
echo "== kafka"
render kafka | python3 check_kafka.py - || status=1
exit $status
