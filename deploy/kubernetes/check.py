#!/usr/bin/env python3
"""Checks the taskbot Kubernetes manifests for the properties the deployment relies on.

Usage: python3 check.py [DIRECTORY]   (default: the directory of this file)
Needs PyYAML. Prints one line per failed check and exits 1 if any failed, else prints a
summary line and exits 0. It is a consistency check, not a schema validation.
"""

import pathlib
import sys

import yaml

STATE_DIR = "/var/lib/taskbot"
UID = 10001
PORT = 8443


def load(directory, name):
    with open(directory / name, encoding="utf-8") as handle:
        documents = [doc for doc in yaml.safe_load_all(handle) if doc is not None]
    if len(documents) != 1:
        raise SystemExit(f"{name}: expected one document, found {len(documents)}")
    return documents[0]


class Checker:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def expect(self, condition, description):
        if condition:
            self.passed += 1
        else:
            self.failures.append(description)


def dig(mapping, *keys):
    """Follows keys through nested mappings and lists; answers None where the path ends."""
    for key in keys:
        if isinstance(mapping, dict):
            mapping = mapping.get(key)
        elif isinstance(mapping, list) and isinstance(key, int) and key < len(mapping):
            mapping = mapping[key]
        else:
            return None
    return mapping


def check_probe(check, container, probe_name, path):
    probe = dig(container, probe_name, "httpGet") or {}
    check.expect(probe.get("path") == path, f"{probe_name} path is {path}")
    check.expect(probe.get("scheme") == "HTTPS", f"{probe_name} scheme is HTTPS")
    port = probe.get("port")
    named_ports = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
    check.expect(port == PORT or named_ports.get(port) == PORT, f"{probe_name} port resolves to {PORT}")


def check_security(check, pod, container):
    pod_context = pod.get("securityContext") or {}
    context = container.get("securityContext") or {}
    check.expect(pod_context.get("runAsNonRoot") is True, "pod runAsNonRoot is true")
    check.expect(pod_context.get("runAsUser") == UID, f"pod runAsUser is {UID}")
    check.expect(pod_context.get("fsGroup") == UID, f"pod fsGroup is {UID} (volume writable)")
    check.expect(dig(pod_context, "seccompProfile", "type") == "RuntimeDefault", "pod seccomp is RuntimeDefault")
    check.expect(context.get("runAsNonRoot") is True, "container runAsNonRoot is true")
    check.expect(context.get("readOnlyRootFilesystem") is True, "container readOnlyRootFilesystem is true")
    check.expect(context.get("allowPrivilegeEscalation") is False, "container allowPrivilegeEscalation is false")
    check.expect(dig(context, "capabilities", "drop") == ["ALL"], "container drops ALL capabilities")
    check.expect(not dig(context, "capabilities", "add"), "container adds no capabilities")


def check_environment(check, container, secret, configmap):
    references = {}
    for entry in container.get("env", []):
        reference = dig(entry, "valueFrom", "secretKeyRef")
        if reference:
            references[entry["name"]] = reference
    secret_name = secret["metadata"]["name"]
    secret_keys = set((secret.get("stringData") or {}).keys()) | set((secret.get("data") or {}).keys())
    for name in ("SLACK_SIGNING_SECRET", "TASKS_API_KEY", "SLACK_BOT_TOKEN"):
        reference = references.get(name) or {}
        check.expect(reference.get("name") == secret_name, f"env {name} comes from Secret {secret_name}")
        check.expect(reference.get("key") in secret_keys, f"env {name} names a key present in the Secret")
    for name in ("SLACK_SIGNING_SECRET", "TASKS_API_KEY"):
        check.expect(not references.get(name, {}).get("optional"), f"env {name} is required, not optional")
    for name, reference in references.items():
        check.expect(
            reference.get("optional") or reference.get("key") in secret_keys,
            f"env {name}: a required secret reference names a key present in the Secret",
        )
    config_names = [dig(source, "configMapRef", "name") for source in container.get("envFrom", [])]
    check.expect(configmap["metadata"]["name"] in config_names, "envFrom includes the ConfigMap")
    check.expect("TASKS_API_URL" in (configmap.get("data") or {}), "ConfigMap sets TASKS_API_URL")


def check_state_volume(check, pod, container, pvc):
    mounts = {m.get("name"): m for m in container.get("volumeMounts", [])}
    state_mounts = [m for m in mounts.values() if m.get("mountPath") == STATE_DIR]
    check.expect(len(state_mounts) == 1, f"one volume is mounted at {STATE_DIR}")
    volumes = {v.get("name"): v for v in pod.get("volumes", [])}
    claim = None
    if state_mounts:
        claim = dig(volumes.get(state_mounts[0].get("name")), "persistentVolumeClaim", "claimName")
    check.expect(claim == pvc["metadata"]["name"], f"the state volume is the PVC {pvc['metadata']['name']}")
    check.expect(pvc["spec"].get("accessModes") == ["ReadWriteOnce"], "PVC is ReadWriteOnce")
    check.expect("/tmp" in {m.get("mountPath") for m in mounts.values()}, "a writable /tmp is mounted")


def check_deployment(check, deployment, secret, configmap, pvc):
    spec = deployment["spec"]
    check.expect(spec.get("replicas") == 1, "replicas is exactly 1 (single SQLite file)")
    check.expect(dig(spec, "strategy", "type") == "Recreate", "strategy is Recreate")
    pod = spec["template"]["spec"]
    check.expect(pod.get("terminationGracePeriodSeconds", 30) >= 15, "grace period covers the 10 s stop")
    containers = pod.get("containers", [])
    check.expect(len(containers) == 1, "one container")
    container = containers[0]
    check_probe(check, container, "livenessProbe", "/healthz")
    check_probe(check, container, "readinessProbe", "/readyz")
    check_security(check, pod, container)
    check_environment(check, container, secret, configmap)
    check_state_volume(check, pod, container, pvc)
    resources = container.get("resources") or {}
    check.expect(bool(resources.get("requests")) and bool(resources.get("limits")), "requests and limits set")
    labels = dig(spec, "template", "metadata", "labels") or {}
    selector = dig(spec, "selector", "matchLabels") or {}
    check.expect(selector.items() <= labels.items(), "selector matches the pod labels")
    return labels


def check_service(check, service, labels):
    spec = service["spec"]
    check.expect(spec.get("type", "ClusterIP") == "ClusterIP", "Service is ClusterIP")
    check.expect((spec.get("selector") or {}).items() <= labels.items(), "Service selects the pod")
    ports = spec.get("ports", [])
    check.expect(
        any(p.get("port") == 443 and p.get("targetPort") in (PORT, "https") for p in ports),
        f"Service maps 443 to {PORT}",
    )


def main():
    directory = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent)
    deployment = load(directory, "deployment.yaml")
    secret = load(directory, "secret.yaml")
    configmap = load(directory, "configmap.yaml")
    service = load(directory, "service.yaml")
    pvc = load(directory, "pvc.yaml")
    check = Checker()
    for document, kind in ((deployment, "Deployment"), (secret, "Secret"), (configmap, "ConfigMap"),
                           (service, "Service"), (pvc, "PersistentVolumeClaim")):
        check.expect(document.get("kind") == kind, f"{kind} manifest has kind {kind}")
    labels = check_deployment(check, deployment, secret, configmap, pvc)
    check_service(check, service, labels)
    for failure in check.failures:
        print(f"FAIL: {failure}")
    print(f"{check.passed} passed, {len(check.failures)} failed")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
