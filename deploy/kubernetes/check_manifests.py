#!/usr/bin/env python3
"""Checks rendered Kubernetes manifests (kubectl kustomize output) without a cluster.

    kubectl kustomize deploy/kubernetes/base | python3 deploy/kubernetes/check_manifests.py -

1. Strictly against the Kubernetes API models of the `kubernetes` Python client (Debian:
   apt-get install python3-kubernetes): every field must exist where it is written and have the
   right type, so a misspelt `readinesProbe` or a string where a number belongs is caught.
2. Against what Aula needs: two replicas, the probes, graceful shutdown that fits the grace
   period, a PodDisruptionBudget and a Service per Deployment, the environment each service reads,
   secrets only by reference, no Secret objects at all.
"""
import re
import sys

import yaml

try:
    import kubernetes.client.models as models
except ImportError:  # the schema part needs the client; the Aula part does not
    models = None

KINDS = {("apps/v1", "Deployment"): "V1Deployment", ("v1", "Service"): "V1Service",
         ("v1", "ConfigMap"): "V1ConfigMap", ("v1", "Namespace"): "V1Namespace",
         ("policy/v1", "PodDisruptionBudget"): "V1PodDisruptionBudget", ("v1", "Secret"): "V1Secret"}
SERVICES = {"enrollment-service": 8081, "session-service": 8082, "certification-service": 8083}
SHUTDOWN_PHASES = 2  # web server drain, then Kafka listeners / outbox relay: each up to the phase timeout

problems = []


def check_schema(value, typ, path):
    if value is None:
        return
    if typ.startswith("list["):
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list")
            return
        for i, item in enumerate(value):
            check_schema(item, typ[5:-1], f"{path}[{i}]")
    elif typ.startswith("dict("):
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map")
            return
        inner = typ[typ.index(",") + 1:-1].strip()
        for key, item in value.items():
            check_schema(item, inner, f"{path}.{key}")
    elif typ == "str":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string, got {value!r}")
    elif typ == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected an integer, got {value!r}")
    elif typ == "bool":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected true or false, got {value!r}")
    elif typ == "object":
        pass  # IntOrString, Quantity
    elif hasattr(models, typ):
        model = getattr(models, typ)
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object ({typ})")
            return
        fields = {json_name: name for name, json_name in model.attribute_map.items()}
        for key, item in value.items():
            if key not in fields:
                problems.append(f'{path}: unknown field "{key}" for {typ}')
            else:
                check_schema(item, model.openapi_types[fields[key]], f"{path}.{key}")
    else:
        problems.append(f"{path}: no model {typ} to check against")


def seconds(duration):
    match = re.fullmatch(r"(\d+)s", duration)
    return int(match.group(1)) if match else None


def check_aula(objects):
    by_kind = {}
    for obj in objects:
        by_kind.setdefault(obj["kind"], {})[obj["metadata"]["name"]] = obj
    if "Secret" in by_kind:
        problems.append(f"Secret objects in the manifests: {sorted(by_kind['Secret'])} (secrets are created outside the files)")
    config = {}
    for name, cm in by_kind.get("ConfigMap", {}).items():
        config[re.sub(r"-[a-z0-9]{10}$", "", name)] = cm.get("data", {})
    platform = config.get("aula-platform", {})
    for key in ("KAFKA_BOOTSTRAP_SERVERS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"):
        if key not in platform:
            problems.append(f"ConfigMap aula-platform lacks {key}")
    # aula.messaging.topics is one record: set alone, the replication factor leaves create=false, partitions=0.
    topics = {k: platform.get(k) for k in ("AULA_MESSAGING_TOPICS_CREATE", "AULA_MESSAGING_TOPICS_PARTITIONS",
                                            "AULA_MESSAGING_TOPICS_REPLICATION_FACTOR")}
    if topics != {"AULA_MESSAGING_TOPICS_CREATE": "true", "AULA_MESSAGING_TOPICS_PARTITIONS": "3",
                  "AULA_MESSAGING_TOPICS_REPLICATION_FACTOR": "3"}:
        problems.append(f"aula-platform topic settings must be set together (create, partitions 3, replication 3): {topics}")
    for lowered in [k for k in platform if k != k.upper()]:
        problems.append(f"aula-platform: {lowered} is not an environment variable name")
    phase = seconds(platform.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "30s")) or 30

    for service, port in SERVICES.items():
        deployment = by_kind.get("Deployment", {}).get(service)
        if not deployment:
            problems.append(f"no Deployment {service}")
            continue
        spec = deployment["spec"]
        pod = spec["template"]["spec"]
        container = pod["containers"][0]
        where = f"Deployment {service}"
        if spec.get("replicas") != 2:
            problems.append(f"{where}: replicas {spec.get('replicas')}, expected 2")
        own = config.get(service, {})
        if own.get("SERVER_PORT") != str(port) or container["ports"][0]["containerPort"] != port:
            problems.append(f"{where}: port {container['ports'][0]['containerPort']} / SERVER_PORT {own.get('SERVER_PORT')}, expected {port}")
        if not own.get("DATABASE_URL", "").startswith("jdbc:postgresql://"):
            problems.append(f"{where}: DATABASE_URL missing or not a PostgreSQL JDBC URL")
        for probe, path in (("livenessProbe", "/actuator/health/liveness"), ("readinessProbe", "/actuator/health/readiness"),
                            ("startupProbe", "/actuator/health/liveness")):
            got = container.get(probe, {}).get("httpGet", {}).get("path")
            if got != path:
                problems.append(f"{where}: {probe} path {got}, expected {path}")
        if container.get("readinessProbe", {}).get("timeoutSeconds", 1) <= 2:
            problems.append(f"{where}: readiness timeout must exceed the Kafka health check's 2 s")
        resources = container.get("resources", {})
        if not resources.get("requests") or not resources.get("limits", {}).get("memory"):
            problems.append(f"{where}: resources requests and a memory limit are required")
        refs = [e["configMapRef"]["name"] for e in container.get("envFrom", []) if "configMapRef" in e]
        if not any(r.startswith("aula-platform") for r in refs) or not any(r.startswith(service) for r in refs):
            problems.append(f"{where}: envFrom must name ConfigMaps aula-platform and {service}: {refs}")
        env = {e["name"]: e for e in container.get("env", [])}
        for name in ("DATABASE_USERNAME", "DATABASE_PASSWORD") + (
                ("AULA_CERTIFICATION_SIGNING_JWKS",) if service == "certification-service" else ()):
            if "secretKeyRef" not in env.get(name, {}).get("valueFrom", {}):
                problems.append(f"{where}: {name} must come from a Secret (secretKeyRef)")
        for name, entry in env.items():
            if "value" in entry and re.search(r"PASSWORD|SECRET|JWKS|TOKEN", name):
                problems.append(f"{where}: {name} has a literal value; secrets only by reference")
        if service == "certification-service" and "AULA_CERTIFICATION_PUBLIC_BASE_URL" not in own:
            problems.append(f"{where}: AULA_CERTIFICATION_PUBLIC_BASE_URL missing from its ConfigMap")
        pre_stop = container.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", [])
        sleep = int(pre_stop[1]) if len(pre_stop) == 2 and pre_stop[0] == "sleep" else None
        grace = pod.get("terminationGracePeriodSeconds", 30)
        if sleep is None:
            problems.append(f"{where}: preStop must be [sleep, N]")
        elif grace < sleep + SHUTDOWN_PHASES * phase:
            problems.append(f"{where}: terminationGracePeriodSeconds {grace} < preStop {sleep} + {SHUTDOWN_PHASES} x {phase} s")
        security = container.get("securityContext", {})
        if not pod.get("securityContext", {}).get("runAsNonRoot") or security.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{where}: must run as non-root without privilege escalation")
        if security.get("readOnlyRootFilesystem") and not any(m["mountPath"] == "/tmp" for m in container.get("volumeMounts", [])):
            problems.append(f"{where}: read-only root filesystem needs a writable /tmp")
        labels = spec["selector"]["matchLabels"]
        pdb = by_kind.get("PodDisruptionBudget", {}).get(service)
        if not pdb or pdb["spec"]["selector"]["matchLabels"] != labels or pdb["spec"].get("minAvailable") != 1:
            problems.append(f"{where}: needs a PodDisruptionBudget with minAvailable 1 on its selector")
        svc = by_kind.get("Service", {}).get(service)
        if not svc or svc["spec"]["selector"] != labels or svc["spec"]["ports"][0]["targetPort"] != "http":
            problems.append(f"{where}: needs a Service selecting its pods on port http")
        if spec["template"]["metadata"]["labels"].get("app.kubernetes.io/part-of") != "aula":
            problems.append(f"{where}: pods need app.kubernetes.io/part-of=aula (Prometheus selects on it)")


def main():
    source = sys.stdin if sys.argv[1:] in ([], ["-"]) else open(sys.argv[1], encoding="utf-8")
    objects = [doc for doc in yaml.safe_load_all(source) if doc]
    if models is None:
        print("note: python module 'kubernetes' missing (apt-get install python3-kubernetes): schema check skipped")
    for obj in objects:
        kind = KINDS.get((obj.get("apiVersion"), obj.get("kind")))
        if kind is None:
            problems.append(f"unexpected kind {obj.get('apiVersion')} {obj.get('kind')}")
        elif models is not None:
            check_schema(obj, kind, f"{obj['kind']}/{obj['metadata']['name']}")
    check_aula(objects)
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(objects)} objects, {len(problems)} problems"
          + ("" if models is None else " (schema: kubernetes client models, strict)"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
