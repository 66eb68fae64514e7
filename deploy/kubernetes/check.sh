#!/usr/bin/env bash
# Renders the manifests (the base and the example overlay) and checks them without a cluster:
# check_manifests.py validates every field against the Kubernetes API models and what Aula needs.
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

for dir in base overlays/example; do
  echo "== $dir"
  render "$dir" | "$py" check_manifests.py -
done
