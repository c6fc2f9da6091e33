"""Load on loopback: 200 uploads from 20 concurrent clients (the seed TSV to XLSX, alone and as a batch; a filled XLSX
validated and converted to JSON) against `evalsheet serve`; one hostile upload mid-load; /healthz polled throughout.
Fails on any error, a peak RSS of 300 MB or more, an unanswered health check, or anything left in the server's TMPDIR;
prints throughput and latency percentiles. Bounded: gives up after 180 s.

Usage: load_test.py EVALSHEET_BINARY
"""
import http.client
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from serve_support import ROOT, Server, multipart

UPLOADS, CLIENTS, RSS_LIMIT_MB, DEADLINE_S = 200, 20, 300, 180


def request(server, method, path, body=None, content_type=None, timeout=60):
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Content-Type": content_type} if content_type else {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def read(path):
    with open(os.path.join(ROOT, path), "rb") as file:
        return file.read()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(binary):
    seed, filled, bomb = read("Fixtures/tsv/000_e57ca213149e2c8b.txt"), read("Fixtures/import/tampered.xlsx"), read("Fixtures/bad/zip-bomb.xlsx")
    jobs = [[("/api/convert?to=xlsx", "甲.txt", seed), ("/api/validate", "乙.xlsx", filled), ("/api/batch?to=xlsx", "丙.txt", seed),
             ("/api/convert?to=json", "丁.xlsx", filled)][n % 4] for n in range(UPLOADS)]
    server = Server(binary)
    failures, latencies, health = [], [], {"answered": 0, "failed": 0, "slowest": 0.0}
    done = threading.Event()
    started = time.time()

    def upload(job):
        path, name, data = job
        content_type, body = multipart([("file", name, data)])
        began = time.time()
        try:
            status, reply = request(server, "POST", path, body, content_type)
        except Exception as error:  # noqa: BLE001 (every failure is counted)
            failures.append(f"{path}: {error}")
            return
        latencies.append(time.time() - began)
        if status != 200 or (path.endswith("xlsx") and not reply.startswith(b"PK")):
            failures.append(f"{path}: {status} {reply[:120]!r}")

    def hostile():
        content_type, body = multipart([("file", "bomb.xlsx", bomb)])
        status, reply = request(server, "POST", "/api/convert?to=json&lang=en", body, content_type)
        if status != 400 or b"zip bomb" not in reply:
            failures.append(f"hostile upload: {status} {reply[:120]!r}")

    def poll_health():
        while not done.is_set():
            began = time.time()
            try:
                status, _ = request(server, "GET", "/healthz", timeout=5)
                health["answered" if status == 200 else "failed"] += 1
            except Exception:  # noqa: BLE001
                health["failed"] += 1
            health["slowest"] = max(health["slowest"], time.time() - began)
            time.sleep(0.05)

    poller = threading.Thread(target=poll_health, daemon=True)
    poller.start()
    try:
        with ThreadPoolExecutor(CLIENTS) as pool:
            futures = [pool.submit(upload, job) for job in jobs[:UPLOADS // 2]]
            futures.append(pool.submit(hostile))
            futures += [pool.submit(upload, job) for job in jobs[UPLOADS // 2:]]
            for future in futures:
                future.result(timeout=max(1, DEADLINE_S - (time.time() - started)))
        elapsed = time.time() - started
        peak = server.peak_rss_mb()
        leftovers = server.leftovers()
    finally:
        done.set()
        poller.join(timeout=10)
        log = server.stop()
    requests_logged = sum(1 for line in log if " POST /api/" in line)
    print(f"load: {UPLOADS} uploads + 1 hostile from {CLIENTS} clients in {elapsed:.2f} s = {UPLOADS / elapsed:.1f} uploads/s")
    print(f"latency p50 {percentile(latencies, .5) * 1000:.0f} ms, p95 {percentile(latencies, .95) * 1000:.0f} ms, "
          f"p99 {percentile(latencies, .99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"server peak RSS {peak:.1f} MB; /healthz answered {health['answered']} times, failed {health['failed']}, "
          f"slowest {health['slowest'] * 1000:.0f} ms; {requests_logged} upload log lines")
    problems = failures[:5]
    if len(latencies) != UPLOADS:
        problems.append(f"{UPLOADS - len(latencies)} uploads unanswered")
    if peak >= RSS_LIMIT_MB:
        problems.append(f"peak RSS {peak:.1f} MB ≥ {RSS_LIMIT_MB} MB")
    if health["failed"] or health["answered"] == 0:
        problems.append("/healthz not answered throughout")
    if leftovers:
        problems.append(f"left on disk: {leftovers[:5]}")
    if requests_logged != UPLOADS + 1:
        problems.append(f"{requests_logged} log lines for {UPLOADS + 1} uploads")
    if problems:
        sys.exit("load test failed: " + "; ".join(problems))
    print("load test passed")


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
