"""Opens COUNT TLS connections to the bot (handshake done), then holds them idle until stdin closes.

Writes "ready N" on stdout once all are open; when stdin reaches end of file it reports, as JSON, how many
connections are still open (a closed one reads end of file without blocking) and exits.
Usage: hold.py PORT CAFILE COUNT
"""

import json
import socket
import ssl
import sys
import time

port, cafile, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
context = ssl.create_default_context(cafile=cafile)
context.check_hostname = False
connections, failures = [], 0
started = time.monotonic()
for _ in range(count):
    try:
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        connections.append(context.wrap_socket(raw))
    except OSError as error:
        failures += 1
        last_error = str(error)
opened = time.monotonic() - started
print(f"ready {len(connections)} failures {failures} in {opened:.1f} s", flush=True)
sys.stdin.read()
still_open = 0
for connection in connections:
    connection.setblocking(False)
    try:
        data = connection.recv(1)
        still_open += 0 if data == b"" else 1
    except ssl.SSLWantReadError:
        still_open += 1
    except OSError:
        pass
print(json.dumps({"opened": len(connections), "failures": failures, "open_seconds": round(opened, 1),
                  "still_open": still_open}), flush=True)
