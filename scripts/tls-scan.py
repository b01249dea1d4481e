"""Scans a TLS server with sslyze and prints one JSON summary for tests: protocols and TLS 1.2 cipher
suites accepted, known vulnerabilities found, and failures against Mozilla's "intermediate" profile.
Exits 1 with {"error": ...} when the scan, or any protocol or vulnerability check, did not complete.

Usage: tls-scan.py HOST:PORT CA_FILE
"""

import json
import sys

from sslyze import (
    Scanner,
    ServerNetworkLocation,
    ServerScanRequest,
    ServerScanStatusEnum,
    ScanCommandAttemptStatusEnum,
)
from pathlib import Path

from sslyze.mozilla_tls_profile.tls_config_checker import (
    MozillaTlsConfiguration,
    ServerNotCompliantWithTlsConfiguration,
    TlsConfigurationEnum,
    check_server_against_tls_configuration,
)
from sslyze.plugins.certificate_info.implementation import CertificateInfoExtraArgument
from sslyze.scanner.models import ScanCommandsExtraArguments

host, port = sys.argv[1].rsplit(":", 1)
ca_file = sys.argv[2]

location = ServerNetworkLocation(hostname="localhost", port=int(port), ip_address=host)
request = ServerScanRequest(
    server_location=location,
    scan_commands_extra_arguments=ScanCommandsExtraArguments(
        certificate_info=CertificateInfoExtraArgument(custom_ca_file=Path(ca_file))
    ),
)
scanner = Scanner()
scanner.queue_scans([request])
result = next(iter(scanner.get_results()))
if result.scan_status != ServerScanStatusEnum.COMPLETED:
    print(json.dumps({"error": f"scan did not complete: {result.connectivity_error_trace}"}))
    sys.exit(1)

scan = result.scan_result
# A check that errored proves nothing either way: name it, so that the test fails instead of reading it
# as "not accepted" or "not vulnerable".
checks = ["ssl_2_0_cipher_suites", "ssl_3_0_cipher_suites", "tls_1_0_cipher_suites", "tls_1_1_cipher_suites",
          "tls_1_2_cipher_suites", "tls_1_3_cipher_suites", "heartbleed", "openssl_ccs_injection",
          "tls_compression", "session_renegotiation", "robot", "tls_fallback_scsv"]
incomplete = [name for name in checks if getattr(scan, name).status != ScanCommandAttemptStatusEnum.COMPLETED]
if incomplete:
    print(json.dumps({"error": f"checks did not complete: {incomplete}"}))
    sys.exit(1)
protocols = []
for name, attribute in [
    ("SSL 2.0", "ssl_2_0_cipher_suites"),
    ("SSL 3.0", "ssl_3_0_cipher_suites"),
    ("TLS 1.0", "tls_1_0_cipher_suites"),
    ("TLS 1.1", "tls_1_1_cipher_suites"),
    ("TLS 1.2", "tls_1_2_cipher_suites"),
    ("TLS 1.3", "tls_1_3_cipher_suites"),
]:
    attempt = getattr(scan, attribute)
    if attempt.status == ScanCommandAttemptStatusEnum.COMPLETED and attempt.result.accepted_cipher_suites:
        protocols.append(name)

tls12 = sorted(s.cipher_suite.openssl_name for s in scan.tls_1_2_cipher_suites.result.accepted_cipher_suites)

vulnerabilities = []
if scan.heartbleed.result.is_vulnerable_to_heartbleed:
    vulnerabilities.append("heartbleed")
if scan.openssl_ccs_injection.result.is_vulnerable_to_ccs_injection:
    vulnerabilities.append("ccs_injection")
if scan.tls_compression.result.supports_compression:
    vulnerabilities.append("compression")
if scan.session_renegotiation.result.is_vulnerable_to_client_renegotiation_dos:
    vulnerabilities.append("client_renegotiation_dos")
if not scan.session_renegotiation.result.supports_secure_renegotiation:
    vulnerabilities.append("no_secure_renegotiation")
if scan.robot.result.robot_result.name.startswith("VULNERABLE"):
    vulnerabilities.append("robot")
if not scan.tls_fallback_scsv.result.supports_fallback_scsv:
    vulnerabilities.append("no_fallback_scsv")

compliance = []
try:
    check_server_against_tls_configuration(
        result, MozillaTlsConfiguration.get(TlsConfigurationEnum.MOZILLA_INTERMEDIATE)
    )
except ServerNotCompliantWithTlsConfiguration as error:
    compliance = sorted(error.issues.keys())

print(json.dumps({"protocols": protocols, "tls12_ciphers": tls12, "vulnerabilities": vulnerabilities,
                  "mozilla_intermediate_failures": compliance}))
