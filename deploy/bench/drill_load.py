#!/usr/bin/env python3
"""Load for the fault drills (standard library only): CONCURRENCY closed-loop workers for SECONDS,
each request logged as `start_s end_s status kind ref`. Kinds: read (GET a page of molecules) and
write (POST a team with a unique name; ref = the name, to check later that every acknowledged
write survived). Usage: drill_load.py BASE TOKEN CONCURRENCY SECONDS WRITE_EVERY OUT [PATH]"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

base, token, concurrency, seconds, write_every, out = sys.argv[1:7]
path = sys.argv[7] if len(sys.argv) > 7 else '/api/molecules?limit=20'
concurrency, seconds, write_every = int(concurrency), float(seconds), int(write_every)
url = urllib.parse.urlparse(base)
lock = threading.Lock()
lines = []
t0 = time.time()
stop_at = t0 + seconds


def worker(n):
    conn = None
    i = 0
    while time.time() < stop_at:
        i += 1
        write = write_every > 0 and i % write_every == 0
        ref = f'drill-{n}-{i}' if write else '-'
        start = time.time()
        status = 0
        try:
            if conn is None:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            headers = {'Authorization': 'Bearer ' + token}
            if write:
                headers['Content-Type'] = 'application/json'
                conn.request('POST', '/api/teams', json.dumps({'name': ref}), headers)
            else:
                conn.request('GET', path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except Exception:
            status = 0   # socket error or timeout
            try:
                conn.close()
            except Exception:
                pass
            conn = None
        end = time.time()
        with lock:
            lines.append(f'{start - t0:.4f} {end - t0:.4f} {status} {"write" if write else "read"} {ref}')


threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(out, 'w') as f:
    f.write('\n'.join(lines) + '\n')
