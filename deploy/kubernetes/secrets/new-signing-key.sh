#!/usr/bin/env bash
# Makes a new certificate signing key for certification-service: an EC P-256 private JWK whose kid is
# its RFC 7638 thumbprint, written as one JSON object to standard output (the kid goes to standard
# error). Needs openssl and python3 only; the key never touches the disk unless you redirect it.
#
#   ./new-signing-key.sh > new-key.jwk.json                    # then merge it into your JWK Set:
#   python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["keys"].insert(0, json.load(open(sys.argv[2]))); print(json.dumps(s))' \
#       jwks.json new-key.jwk.json > jwks.next.json
#
# A first JWK Set: ./new-signing-key.sh | python3 -c 'import json,sys; print(json.dumps({"keys":[json.load(sys.stdin)]}))'
# See deploy/README.md, runbook, "Rotate keys", "The certification signing key".
set -euo pipefail

openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null \
  | openssl ec -text -noout 2>/dev/null \
  | python3 -c '
import base64, hashlib, json, re, sys

text = sys.stdin.read()
def block(name):
    m = re.search(name + r":\s*\n((?:\s+[0-9a-f:]+\n)+)", text)
    if not m:
        sys.exit("new-signing-key: unexpected openssl output")
    return bytes.fromhex(re.sub(r"[\s:]", "", m.group(1)))

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

priv = block("priv").rjust(32, b"\0")[-32:]
pub = block("pub")
if len(pub) != 65 or pub[0] != 4:
    sys.exit("new-signing-key: expected an uncompressed P-256 point")
x, y = pub[1:33], pub[33:]
# RFC 7638: the thumbprint hashes the required members in lexicographic order, no spaces.
canonical = json.dumps({"crv": "P-256", "kty": "EC", "x": b64(x), "y": b64(y)}, separators=(",", ":"), sort_keys=True)
kid = b64(hashlib.sha256(canonical.encode()).digest())
print(json.dumps({"kty": "EC", "crv": "P-256", "kid": kid, "use": "sig", "alg": "ES256",
                  "x": b64(x), "y": b64(y), "d": b64(priv)}))
print("kid: " + kid, file=sys.stderr)
'
