#!/usr/bin/env bash
# Checks the Prometheus files and the Grafana dashboard's queries with promtool
# (apt-get install prometheus brings it):
#   1. promtool check rules  aula-rules.yml
#   2. promtool test rules   rules.test.yml          (unit tests of every alert)
#   3. promtool check config prometheus.yml, prometheus-local.yml
#   4. promtool check rules  on every PromQL expression of ../grafana/aula-dashboard.json
set -euo pipefail
cd "$(dirname "$0")"
command -v promtool >/dev/null 2>&1 || { echo "check.sh: promtool missing (apt-get install prometheus)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

promtool check rules aula-rules.yml
promtool test rules rules.test.yml

# A full config check opens the files a config names: the rule file, and the scrape token, which
# only exists where Prometheus runs. Check copies whose token path points at a stand-in.
cp aula-rules.yml "$tmp/"
echo stand-in > "$tmp/token"
for config in prometheus.yml prometheus-local.yml; do
  sed -E "s#(credentials_file:).*#\1 $tmp/token#" "$config" > "$tmp/$config"
  if ! promtool check config "$tmp/$config" > "$tmp/out" 2>&1; then
    if grep -q 'field kubernetes_sd_configs not found' "$tmp/out"; then
      # Debian's prometheus package is built without Kubernetes service discovery. Check the rest of the
      # job with static targets carrying the labels Kubernetes discovery gives a pod, so the relabelling
      # rules are checked too; the kubernetes_sd_configs block itself is then unchecked.
      echo "note: this promtool has no Kubernetes service discovery; checking $config with it replaced by static targets"
      python3 - "$tmp/$config" <<'PY'
import sys, yaml
path = sys.argv[1]
config = yaml.safe_load(open(path))
for job in config["scrape_configs"]:
    if job.pop("kubernetes_sd_configs", None) is not None:
        job["static_configs"] = [{"targets": [f"10.0.0.{i}:{port}"], "labels": {
            "__meta_kubernetes_namespace": "aula", "__meta_kubernetes_pod_name": f"{svc}-5d8f7c9b4-x{i}",
            "__meta_kubernetes_pod_phase": "Running", "__meta_kubernetes_pod_container_port_name": "management",
            "__meta_kubernetes_pod_label_app_kubernetes_io_name": svc}}
            for i, (svc, port) in enumerate([("enrollment-service", 9080), ("session-service", 9080), ("certification-service", 9080)], 1)]
yaml.safe_dump(config, open(path, "w"), sort_keys=False)
PY
      promtool check config "$tmp/$config"
    else
      cat "$tmp/out"; exit 1
    fi
  else
    cat "$tmp/out"
  fi
done

python3 ../grafana/check_dashboard.py --rules-out "$tmp/dashboard-expressions.yml"
promtool check rules "$tmp/dashboard-expressions.yml"
echo "all Prometheus and dashboard checks passed"
