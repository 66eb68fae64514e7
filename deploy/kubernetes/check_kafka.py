#!/usr/bin/env python3
"""Checks the rendered Strimzi resources (kubectl kustomize deploy/kubernetes/kafka) against their sources of truth.

    kubectl kustomize deploy/kubernetes/kafka | python3 deploy/kubernetes/check_kafka.py -

Topics, against the catalogue, read where it is kept (no copied list here):
  - the topic names: shared-events/event-contracts/src/main/java/org/aula/events/Topics.java (each topic and its
    <topic>-dlt);
  - partitions, replicas and topic configuration (retention, cleanup policy): the channels' Kafka bindings in
    shared-events/event-contracts/asyncapi.yaml, and enrollment-service/partner-feeds.asyncapi.yaml for the
    partner feeds.
  Every catalogue topic and its dead-letter topic has a KafkaTopic with the same partitions, replicas and
  configuration, and every KafkaTopic is a catalogue channel; all have 3 replicas and min.insync.replicas=2.

Users: SCRAM-SHA-512 with simple authorization. A service's ACLs are exactly what its code needs, derived from
its @KafkaListener declarations (topics and consumer groups): Write on the topic it owns, Read on what it
consumes and Write on those topics' -dlt, Read on every -dlt and the group aula-deadletters-reader, Read on its
groups; enrollment-service also creates and writes the partner feeds (prefix partner.). A partner-<code> user
holds exactly PartnerAccess's grant (deploy/embedded-infra). Any other user only reads.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOPICS_JAVA = ROOT / "shared-events/event-contracts/src/main/java/org/aula/events/Topics.java"
CATALOGUES = [ROOT / "shared-events/event-contracts/asyncapi.yaml", ROOT / "enrollment-service/partner-feeds.asyncapi.yaml"]
PARTNER_ACCESS = ROOT / "deploy/embedded-infra/src/main/java/org/aula/deploy/embedded/PartnerAccess.java"
SERVICES = ("enrollment-service", "session-service", "certification-service")
API_VERSION = "kafka.strimzi.io/v1beta2"
# Settings a KafkaTopic may add to what the catalogue states: durability (checked below) and the compaction lag
# enrollment-service sets on the aggregate feed (PartnerTopics).
OPERATIONAL_CONFIG = {"min.insync.replicas", "min.compaction.lag.ms"}
OPERATIONS = {"Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs",
              "DescribeConfigs", "IdempotentWrite", "All"}
DNS_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
INSTITUTION = r"[A-Z0-9][A-Z0-9_-]{0,63}"  # PartnerAccess.INSTITUTION_CODE

problems = []


def topic_constants():
    """Topics.java: the topic names (public static final String X = "..."), and the dead-letter suffix."""
    source = TOPICS_JAVA.read_text(encoding="utf-8")
    constants = dict(re.findall(r'static final String (\w+) = "([^"]+)";', source))
    suffix = constants.pop("DEAD_LETTER_SUFFIX")
    return constants, suffix


def catalogue():
    """Channel address (or a regex for a parameterised one) -> its Kafka binding."""
    channels = {}
    for path in CATALOGUES:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, channel in document.get("channels", {}).items():
            binding = channel.get("bindings", {}).get("kafka")
            if binding is None:
                problems.append(f"{path.relative_to(ROOT)}: channel {name} has no Kafka binding")
                continue
            for key in ("partitions", "replicas"):
                if key not in binding:
                    problems.append(f"{path.relative_to(ROOT)}: channel {name} states no {key}")
            address = channel["address"]
            pattern = re.escape(address)
            for parameter in re.findall(r"\{(\w+)\}", address):
                pattern = pattern.replace(re.escape("{" + parameter + "}"), INSTITUTION)
            channels[address] = (re.compile(pattern), binding, path.relative_to(ROOT))
    return channels


def config_value(value):
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def check_topics(kafka_topics):
    constants, suffix = topic_constants()
    channels = catalogue()
    declared = {}
    for obj in kafka_topics:
        name = obj["spec"].get("topicName", obj["metadata"]["name"])
        if name in declared:
            problems.append(f"KafkaTopic {name} declared twice")
        declared[name] = obj
    for topic in constants.values():
        for name in (topic, topic + suffix):
            if name not in channels:
                problems.append(f"{name} (Topics.java) has no channel in the AsyncAPI catalogue")
            if name not in declared:
                problems.append(f"{name} (Topics.java) has no KafkaTopic")
    for address, (pattern, binding, source) in channels.items():
        if "{" not in address and address not in declared:
            problems.append(f"catalogue channel {address} ({source}) has no KafkaTopic")
    for name, obj in declared.items():
        where = f"KafkaTopic {name}"
        matches = [(address, binding, source) for address, (pattern, binding, source) in channels.items()
                   if pattern.fullmatch(name)]
        if not matches:
            problems.append(f"{where}: not a topic of the catalogue ({', '.join(str(c) for c in CATALOGUES)})")
            continue
        address, binding, source = matches[0]
        spec = obj["spec"]
        for key in ("partitions", "replicas"):
            if spec.get(key) != binding.get(key):
                problems.append(f"{where}: {key} {spec.get(key)}, the catalogue ({source}, {address}) says {binding.get(key)}")
        if spec.get("replicas") != 3:
            problems.append(f"{where}: replicas {spec.get('replicas')}, expected 3")
        config = {key: config_value(value) for key, value in spec.get("config", {}).items()}
        stated = {key: config_value(value) for key, value in binding.get("topicConfiguration", {}).items()}
        for key, value in stated.items():
            if config.get(key) != value:
                problems.append(f"{where}: {key} {config.get(key)}, the catalogue ({source}, {address}) says {value}")
        for key in config.keys() - stated.keys() - OPERATIONAL_CONFIG:
            problems.append(f"{where}: {key} is not in the catalogue ({source}, {address}); state it there first")
        if config.get("min.insync.replicas") != "2":
            problems.append(f"{where}: min.insync.replicas {config.get('min.insync.replicas')}, expected 2")
    return constants, suffix


def resolve(expression, constants, sources):
    """A @KafkaListener attribute: a Topics constant, a string literal, a ${property:default}, or a String constant,
    possibly built by concatenating literals and other constants (Type.NAME finds the constant in Type's source).
    Returns Java source text (escapes as written)."""
    expression = expression.strip()
    parts = concatenated(expression)
    if len(parts) > 1:
        return "".join(resolve(part, constants, sources) for part in parts)
    if expression.startswith("Topics."):
        return constants[expression[len("Topics."):]]
    placeholder = re.fullmatch(r'"\$\{[^:}]+:([^"}]+)\}"', expression)
    if placeholder:
        return placeholder.group(1)
    literal = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', expression)
    if literal:
        return literal.group(1)
    *owner, constant = expression.split(".")
    declaring = re.compile(r"\b(?:class|record|interface|enum)\s+" + re.escape(owner[-1]) + r"\b") if owner else None
    for source in sources:
        if declaring and not declaring.search(source):
            continue
        found = re.search(r"static final String " + re.escape(constant) + r"\s*=\s*(.+?);\s*\n", source, re.S)
        if found:
            return resolve(found.group(1), constants, sources)
    raise ValueError(f"cannot resolve {expression}")


def concatenated(expression):
    """The operands of a Java string concatenation (a + b + ...), split outside string literals."""
    parts, current, quoted, escaped = [], "", False, False
    for character in expression:
        if quoted:
            current += character
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                quoted = False
        elif character == '"':
            quoted = True
            current += character
        elif character == "+":
            parts.append(current.strip())
            current = ""
        else:
            current += character
    parts.append(current.strip())
    return parts


def expected_service_acls(service, constants, suffix):
    """What the service's code does with Kafka, as ACL entries (type, name, pattern, operation)."""
    sources = [path.read_text(encoding="utf-8") for path in sorted((ROOT / service / "src/main/java").rglob("*.java"))]
    consumed, prefixes, groups = set(), set(), set()
    for source in sources:
        for attributes in re.findall(r"@KafkaListener\((.*?)\)\s*\n", source, re.S):
            topics = re.search(r"topics\s*=\s*(\{[^}]*\}|[^,]+)", attributes)
            pattern = re.search(r"topicPattern\s*=\s*(\"[^\"]*\"|[\w.]+)", attributes)
            group = re.search(r"groupId\s*=\s*(\"[^\"]*\"|[\w.]+)", attributes)
            if pattern and group:  # e.g. the webhooks read every partner.<CODE>.enrollment: Read on the literal prefix
                regex = resolve(pattern.group(1), constants, sources).replace("\\\\", "\\")
                prefix = re.match(r"((?:\\\.|[A-Za-z0-9_-])*)", regex).group(1).replace("\\.", ".")
                if not prefix:
                    problems.append(f"{service}: a topicPattern without a literal prefix: {regex}")
                    continue
                prefixes.add(prefix)
                groups.add(resolve(group.group(1), constants, sources))
                continue
            if not topics or not group:
                problems.append(f"{service}: a @KafkaListener without topics or groupId: {attributes.strip()}")
                continue
            for topic in topics.group(1).strip().strip("{}").split(","):  # one topic, or an array of them
                consumed.add(resolve(topic, constants, sources))
            groups.add(resolve(group.group(1), constants, sources))
    owned = constants[service.split("-")[0].upper()]
    acls = {("topic", owned, "literal", op) for op in ("Write", "Describe")}
    for topic in consumed:
        acls |= {("topic", topic, "literal", op) for op in ("Read", "Describe")}
        acls |= {("topic", topic + suffix, "literal", op) for op in ("Write", "Describe")}
    for topic in constants.values():  # /actuator/deadletters
        acls |= {("topic", topic + suffix, "literal", op) for op in ("Read", "Describe")}
    for prefix in prefixes:
        acls |= {("topic", prefix, "prefix", op) for op in ("Read", "Describe")}
    for group in groups | {"aula-deadletters-reader"}:
        acls.add(("group", group, "literal", "Read"))
    if service == "enrollment-service":  # PartnerTopics creates and checks the feeds; the router writes them
        acls |= {("topic", "partner.", "prefix", op) for op in ("Create", "Write", "Describe", "DescribeConfigs")}
    return acls


def partner_acls(code):
    """PartnerAccess.grantFor(code).aclBindings(), in Strimzi's terms."""
    source = PARTNER_ACCESS.read_text(encoding="utf-8")
    if '"partner." + institutionCode + ".enrollment"' not in source or '"partner." + institutionCode + "."' not in source:
        problems.append("PartnerAccess.grantFor no longer names partner.<CODE>.enrollment / partner.<CODE>.: update check_kafka.py")
    return {("topic", f"partner.{code}.enrollment", "literal", "Read"),
            ("topic", f"partner.{code}.enrollment", "literal", "Describe"),
            ("group", f"partner.{code}.", "prefix", "Read")}


def check_users(kafka_users, constants, suffix):
    names = set()
    for obj in kafka_users:
        name = obj["metadata"]["name"]
        names.add(name)
        where = f"KafkaUser {name}"
        spec = obj["spec"]
        if spec.get("authentication", {}).get("type") != "scram-sha-512":
            problems.append(f"{where}: authentication must be scram-sha-512")
        authorization = spec.get("authorization", {})
        if authorization.get("type") != "simple":
            problems.append(f"{where}: authorization must be simple (ACLs)")
        acls = set()
        for rule in authorization.get("acls", []):
            resource = rule["resource"]
            operations = rule.get("operations", [rule["operation"]] if "operation" in rule else [])
            if rule.get("type", "allow") != "allow":
                problems.append(f"{where}: only allow rules are expected")
            if rule.get("host", "*") != "*":
                problems.append(f"{where}: host {rule['host']}: the password is the control, hosts are not restricted")
            for op in operations:
                if op not in OPERATIONS:
                    problems.append(f"{where}: unknown operation {op}")
                acls.add((resource["type"], resource.get("name"), resource.get("patternType", "literal"), op))
        partner = re.fullmatch(r"partner-([a-z0-9_-]+)", name)
        if name in SERVICES:
            expected = expected_service_acls(name, constants, suffix)
        elif partner:
            feeds = {acl[1] for acl in acls if acl[0] == "topic"}
            codes = {feed.split(".")[1] for feed in feeds if re.fullmatch(r"partner\." + INSTITUTION + r"\.enrollment", feed)}
            code = codes.pop() if len(codes) == 1 else None
            if code is None or code.lower() != partner.group(1):
                problems.append(f"{where}: must read exactly one feed partner.<CODE>.enrollment with CODE = {partner.group(1).upper()}")
                continue
            expected = partner_acls(code)
        else:
            for acl in acls:
                if acl[3] not in ("Read", "Describe") or acl[0] not in ("topic", "group"):
                    problems.append(f"{where}: {acl} — a user that is neither a service nor a partner only reads")
            continue
        for acl in sorted(expected - acls):
            problems.append(f"{where}: lacks {acl}")
        for acl in sorted(acls - expected):
            problems.append(f"{where}: grants {acl}, beyond what it needs (its code, or PartnerAccess for a partner)")
    for service in SERVICES:
        if service not in names:
            problems.append(f"no KafkaUser {service}")


def main():
    source = sys.stdin if sys.argv[1:] in ([], ["-"]) else open(sys.argv[1], encoding="utf-8")
    objects = [doc for doc in yaml.safe_load_all(source) if doc]
    by_kind = {"KafkaTopic": [], "KafkaUser": []}
    for obj in objects:
        name = obj.get("metadata", {}).get("name", "?")
        if obj.get("apiVersion") != API_VERSION or obj.get("kind") not in by_kind:
            problems.append(f"unexpected {obj.get('apiVersion')} {obj.get('kind')} {name}")
            continue
        by_kind[obj["kind"]].append(obj)
        if not DNS_SUBDOMAIN.fullmatch(name) or len(name) > 253:
            problems.append(f"{obj['kind']} {name}: metadata.name must be a lower-case DNS subdomain (topicName holds the real name)")
        if "strimzi.io/cluster" not in obj["metadata"].get("labels", {}):
            problems.append(f"{obj['kind']} {name}: needs label strimzi.io/cluster (the operators select on it)")
    constants, suffix = check_topics(by_kind["KafkaTopic"])
    check_users(by_kind["KafkaUser"], constants, suffix)
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(by_kind['KafkaTopic'])} KafkaTopics, {len(by_kind['KafkaUser'])} KafkaUsers, {len(problems)} problems"
          f" (catalogue: Topics.java, {', '.join(str(c.relative_to(ROOT)) for c in CATALOGUES)}; ACLs: @KafkaListener, PartnerAccess)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
