#!/usr/bin/env python3
"""Checks rendered Kubernetes manifests (kubectl kustomize output) without a cluster.

    kubectl kustomize deploy/kubernetes/services/session-service | python3 deploy/kubernetes/check_manifests.py --unit session-service -
    kubectl kustomize deploy/kubernetes/overlays/all | python3 deploy/kubernetes/check_manifests.py -

With --unit, the input is one service's unit: exactly its Deployment, Service, PodDisruptionBudget and
ConfigMap, nothing of another service and no Namespace. Without, a composition: Namespace aula and all
three units, whose copies of the platform settings must agree.

1. Strictly against the Kubernetes API models of the `kubernetes` Python client (Debian:
   apt-get install python3-kubernetes): every field must exist where it is written and have the
   right type, so a misspelt `readinesProbe` or a string where a number belongs is caught.
2. Against what Aula needs: two replicas, the probes (startup, liveness, readiness on
   /actuator/health/...), CPU and memory requests and limits, non-root with no privilege escalation
   and no capabilities, graceful shutdown that fits the grace period, a PodDisruptionBudget and a
   Service per Deployment, the environment each service reads from its own ConfigMap only, secrets
   only by reference (env holds references only; no secret-looking key in a ConfigMap; no Secret
   objects at all), the app.kubernetes.io name/component/part-of labels on every object.
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


SHARED_SETTINGS = ("KAFKA_BOOTSTRAP_SERVERS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                   "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "AULA_SECURITY_ROLES_CLAIM",
                   "AULA_MESSAGING_TOPICS_CREATE", "AULA_MESSAGING_TOPICS_PARTITIONS",
                   "AULA_MESSAGING_TOPICS_REPLICATION_FACTOR", "SERVER_SHUTDOWN",
                   "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
TOPIC_SETTINGS = {"AULA_MESSAGING_TOPICS_CREATE": "false", "AULA_MESSAGING_TOPICS_PARTITIONS": "3",
                  "AULA_MESSAGING_TOPICS_REPLICATION_FACTOR": "3"}
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|JAAS|JWKS|PRIVATE|CREDENTIAL", re.IGNORECASE)
SECRET_VALUE = re.compile(r"password\s*=|-----BEGIN|\"d\"\s*:", re.IGNORECASE)
LABELS = ("app.kubernetes.io/name", "app.kubernetes.io/component", "app.kubernetes.io/part-of")


def unhashed(name):
    return re.sub(r"-[a-z0-9]{10}$", "", name)


def owner(obj):
    """The service an object belongs to, by its name (a ConfigMap's without the hash suffix)."""
    name = obj["metadata"]["name"]
    return unhashed(name) if obj["kind"] == "ConfigMap" else name


def check_labels(obj, service):
    where = f"{obj['kind']} {obj['metadata']['name']}"
    labels = obj["metadata"].get("labels", {})
    if labels.get("app.kubernetes.io/part-of") != "aula":
        problems.append(f"{where}: needs label app.kubernetes.io/part-of=aula")
    if obj["kind"] == "Namespace":
        return
    for label in LABELS:
        if label not in labels:
            problems.append(f"{where}: needs label {label}")
    if labels.get("app.kubernetes.io/name", service) != service:
        problems.append(f"{where}: app.kubernetes.io/name={labels.get('app.kubernetes.io/name')}, expected {service}")


def check_units(objects, unit):
    """Which objects may be here: one service's (a unit) or the namespace plus all three (a composition)."""
    expected = [unit] if unit else list(SERVICES)
    kinds = {}
    for obj in objects:
        kind = obj["kind"]
        if kind == "Namespace":
            if unit:
                problems.append(f"unit {unit} holds Namespace {obj['metadata']['name']}: the namespace is its own unit")
            elif obj["metadata"]["name"] != "aula":
                problems.append(f"Namespace {obj['metadata']['name']}, expected aula")
            check_labels(obj, None)
            continue
        service = owner(obj)
        if service not in expected:
            problems.append(f"{kind} {obj['metadata']['name']} does not belong to {' / '.join(expected)}")
            continue
        if obj["metadata"].get("namespace") != "aula":
            problems.append(f"{kind} {obj['metadata']['name']}: namespace {obj['metadata'].get('namespace')}, expected aula")
        check_labels(obj, service)
        kinds.setdefault(service, []).append(kind)
    for service in expected:
        got = sorted(kinds.get(service, []))
        if got != ["ConfigMap", "Deployment", "PodDisruptionBudget", "Service"]:
            problems.append(f"{service}: objects {got}, expected one ConfigMap, Deployment, PodDisruptionBudget, Service")
    if not unit and not any(obj["kind"] == "Namespace" for obj in objects):
        problems.append("the composition lacks Namespace aula")
    return expected


def check_aula(objects, unit=None):
    services = check_units(objects, unit)
    by_kind = {}
    for obj in objects:
        by_kind.setdefault(obj["kind"], {})[obj["metadata"]["name"]] = obj
    if "Secret" in by_kind:
        problems.append(f"Secret objects in the manifests: {sorted(by_kind['Secret'])} (secrets are created outside the files)")
    config = {}
    config_names = {}
    for name, cm in by_kind.get("ConfigMap", {}).items():
        config[unhashed(name)] = cm.get("data", {})
        config_names[unhashed(name)] = name
        for key, value in cm.get("data", {}).items():
            if SECRET_NAME.search(key) or SECRET_VALUE.search(str(value)):
                problems.append(f"ConfigMap {name}: {key} looks like a secret; secrets only by reference")
            if key != key.upper():
                problems.append(f"ConfigMap {name}: {key} is not an environment variable name")
    # Composed, the three copies of a platform setting must agree (an overlay that changed two of three).
    if len(services) > 1:
        for key in SHARED_SETTINGS:
            values = {service: config.get(service, {}).get(key) for service in services}
            if len(set(values.values())) > 1:
                problems.append(f"platform setting {key} differs between the units: {values}")

    for service in services:
        port = SERVICES[service]
        deployment = by_kind.get("Deployment", {}).get(service)
        if not deployment:
            problems.append(f"no Deployment {service}")
            continue
        own = config.get(service, {})
        for key in ("KAFKA_BOOTSTRAP_SERVERS", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"):
            if key not in own:
                problems.append(f"ConfigMap {service} lacks {key}")
        # aula.messaging.topics is one record: set alone, the replication factor leaves create=false, partitions=0.
        # Topics come from Strimzi (kafka/topics.yaml), so the services create none.
        topics = {k: own.get(k) for k in TOPIC_SETTINGS}
        if topics != TOPIC_SETTINGS:
            problems.append(f"ConfigMap {service}: topic settings must be set together {TOPIC_SETTINGS}: {topics}")
        phase = seconds(own.get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "30s")) or 30
        spec = deployment["spec"]
        pod = spec["template"]["spec"]
        container = pod["containers"][0]
        where = f"Deployment {service}"
        if spec.get("replicas") != 2:
            problems.append(f"{where}: replicas {spec.get('replicas')}, expected 2")
        if own.get("SERVER_PORT") != str(port) or container["ports"][0]["containerPort"] != port:
            problems.append(f"{where}: port {container['ports'][0]['containerPort']} / SERVER_PORT {own.get('SERVER_PORT')}, expected {port}")
        management = [p for p in container["ports"] if p.get("name") == "management"]
        if own.get("MANAGEMENT_SERVER_PORT") != "9080" or [p["containerPort"] for p in management] != [9080]:
            problems.append(f"{where}: actuator belongs on its own port: MANAGEMENT_SERVER_PORT 9080 and a container port 'management'")
        if not own.get("DATABASE_URL", "").startswith("jdbc:postgresql://"):
            problems.append(f"{where}: DATABASE_URL missing or not a PostgreSQL JDBC URL")
        for probe, path in (("livenessProbe", "/actuator/health/liveness"), ("readinessProbe", "/actuator/health/readiness"),
                            ("startupProbe", "/actuator/health/liveness")):
            got = container.get(probe, {}).get("httpGet", {})
            if got.get("path") != path or got.get("port") != "management":
                problems.append(f"{where}: {probe} {got.get('path')} on port {got.get('port')}, expected {path} on management")
        if container.get("readinessProbe", {}).get("timeoutSeconds", 1) <= 2:
            problems.append(f"{where}: readiness timeout must exceed the Kafka health check's 2 s")
        resources = container.get("resources", {})
        for part in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                if resource not in resources.get(part, {}):
                    problems.append(f"{where}: resources.{part}.{resource} is required")
        # Its own ConfigMap and no other: a change to another service's settings must not roll this one.
        refs = [e["configMapRef"]["name"] for e in container.get("envFrom", []) if "configMapRef" in e]
        if refs != [config_names.get(service)]:
            problems.append(f"{where}: envFrom must name its own ConfigMap {service} only: {refs}")
        for entry in container.get("envFrom", []):
            if "secretRef" in entry and not entry["secretRef"]["name"].startswith(service + "-"):
                problems.append(f"{where}: envFrom Secret {entry['secretRef']['name']} is not this service's")
        env = {e["name"]: e for e in container.get("env", [])}
        for name in ("DATABASE_USERNAME", "DATABASE_PASSWORD") + (
                ("AULA_CERTIFICATION_SIGNING_JWKS",) if service == "certification-service" else ()):
            if "secretKeyRef" not in env.get(name, {}).get("valueFrom", {}):
                problems.append(f"{where}: {name} must come from a Secret (secretKeyRef)")
        for name, entry in env.items():
            # Plain settings live in the ConfigMap; env holds references only, so nothing secret can be inline.
            if "value" in entry or "valueFrom" not in entry:
                problems.append(f"{where}: env {name} has a literal value; settings go in the ConfigMap, secrets by reference")
            ref = entry.get("valueFrom", {}).get("secretKeyRef")
            if ref and not ref["name"].startswith(service + "-"):
                problems.append(f"{where}: env {name} reads Secret {ref['name']}, not this service's")
        for volume in pod.get("volumes", []):
            if "secret" in volume and not volume["secret"]["secretName"].startswith(service + "-"):
                problems.append(f"{where}: volume {volume['name']} mounts Secret {volume['secret']['secretName']}, not this service's")
        if service == "certification-service" and "AULA_CERTIFICATION_PUBLIC_BASE_URL" not in own:
            problems.append(f"{where}: AULA_CERTIFICATION_PUBLIC_BASE_URL missing from its ConfigMap")
        pre_stop = container.get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", [])
        sleep = int(pre_stop[1]) if len(pre_stop) == 2 and pre_stop[0] == "sleep" else None
        grace = pod.get("terminationGracePeriodSeconds", 30)
        if sleep is None:
            problems.append(f"{where}: preStop must be [sleep, N]")
        elif grace < sleep + SHUTDOWN_PHASES * phase:
            problems.append(f"{where}: terminationGracePeriodSeconds {grace} < preStop {sleep} + {SHUTDOWN_PHASES} x {phase} s")
        pod_security = pod.get("securityContext", {})
        security = container.get("securityContext", {})
        if (not pod_security.get("runAsNonRoot") or pod_security.get("runAsUser", 0) == 0
                or security.get("runAsUser") == 0 or security.get("allowPrivilegeEscalation") is not False
                or security.get("privileged")):
            problems.append(f"{where}: must run as a non-root uid without privilege escalation")
        if security.get("capabilities", {}).get("drop") != ["ALL"] or security.get("capabilities", {}).get("add"):
            problems.append(f"{where}: must drop all capabilities and add none")
        if pod_security.get("seccompProfile", {}).get("type") != "RuntimeDefault":
            problems.append(f"{where}: seccompProfile RuntimeDefault required (restricted Pod Security Standard)")
        if not security.get("readOnlyRootFilesystem"):
            problems.append(f"{where}: root filesystem must be read-only")
        elif not any(m["mountPath"] == "/tmp" for m in container.get("volumeMounts", [])):
            problems.append(f"{where}: read-only root filesystem needs a writable /tmp")
        if pod.get("automountServiceAccountToken") is not False:
            problems.append(f"{where}: automountServiceAccountToken must be false (the services never call the API server)")
        labels = spec["selector"]["matchLabels"]
        if labels != {"app.kubernetes.io/name": service}:
            problems.append(f"{where}: selector {labels}, expected app.kubernetes.io/name={service} only")
        template_labels = spec["template"]["metadata"].get("labels", {})
        for label in LABELS:
            if label not in template_labels:
                problems.append(f"{where}: pods need label {label}")
        if template_labels.get("app.kubernetes.io/part-of") != "aula":
            problems.append(f"{where}: pods need app.kubernetes.io/part-of=aula (Prometheus selects on it)")
        pdb = by_kind.get("PodDisruptionBudget", {}).get(service)
        if not pdb or pdb["spec"]["selector"]["matchLabels"] != labels or pdb["spec"].get("minAvailable") != 1:
            problems.append(f"{where}: needs a PodDisruptionBudget with minAvailable 1 on its selector")
        svc = by_kind.get("Service", {}).get(service)
        if not svc or svc["spec"]["selector"] != labels or svc["spec"]["ports"][0]["targetPort"] != "http":
            problems.append(f"{where}: needs a Service selecting its pods on port http")
        if svc and any(p.get("targetPort") in ("management", 9080) for p in svc["spec"]["ports"]):
            problems.append(f"{where}: the Service must not expose the management port")


def main():
    args = sys.argv[1:]
    unit = None
    if args[:1] == ["--unit"]:
        unit, args = args[1], args[2:]
        if unit not in SERVICES:
            sys.exit(f"--unit {unit}: not one of {', '.join(SERVICES)}")
    source = sys.stdin if args in ([], ["-"]) else open(args[0], encoding="utf-8")
    objects = [doc for doc in yaml.safe_load_all(source) if doc]
    if models is None:
        print("note: python module 'kubernetes' missing (apt-get install python3-kubernetes): schema check skipped")
    for obj in objects:
        kind = KINDS.get((obj.get("apiVersion"), obj.get("kind")))
        if kind is None:
            problems.append(f"unexpected kind {obj.get('apiVersion')} {obj.get('kind')}")
        elif models is not None:
            check_schema(obj, kind, f"{obj['kind']}/{obj['metadata']['name']}")
    check_aula(objects, unit)
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(objects)} objects, {len(problems)} problems"
          + ("" if models is None else " (schema: kubernetes client models, strict)"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
