"""Benchmark: the API process's memory while it streams a large plan upload, both paths.

Starts the stack as `make run` does (embedded defaults, a throw-away data folder), uploads a
valid PDF of SIZE_MB (default 100) through the multipart API and through the direct
(presigned PUT) path, samples the API worker's resident memory every 20 ms, and prints the
baseline, the peak and the time taken; writes them to bench/results/upload_memory.json, which
bench/report.py folds into bench/results.md. Run with `make bench`.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "backend"))
from dossiers.samples import building_outline_pdf  # noqa: E402

SIZE_MB = int(os.environ.get("SIZE_MB", "100"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def gunicorn_worker(root_pid: int) -> int:
    """The gunicorn worker: a gunicorn process whose parent is also gunicorn."""
    for _ in range(100):
        procs = {}
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
                cmd = (status.parent / "cmdline").read_bytes()
            except OSError:
                continue
            procs[int(status.parent.name)] = (int(fields["PPid"]), b"gunicorn" in cmd)
        for pid, (ppid, is_gunicorn) in procs.items():
            if is_gunicorn and procs.get(ppid, (0, False))[1] and os.getsid(pid) == root_pid:
                return pid
        time.sleep(0.2)
    raise RuntimeError("gunicorn worker not found")


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(0.02)


def api(base: str, method: str, path: str, token: str | None = None, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        base + path,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})},
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read() or b"{}")


def measure(pid: int, action) -> tuple[int, int, float, object]:
    baseline = rss_kib(pid)
    sampler = Sampler(pid)
    sampler.start()
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    sampler.running = False
    sampler.join()
    return baseline, sampler.peak, elapsed, result


def wait_ready(base: str, token: str, version_id: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < 300:
        if api(base, "GET", f"/api/v1/plan-versions/{version_id}/", token)["status"] != "processing":
            return time.perf_counter() - started
        time.sleep(0.2)
    raise RuntimeError("analysis did not finish")


def main() -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="urbadesk-bench-") as folder:
        env = {**os.environ, "URBADESK_DATA_DIR": folder, "URBADESK_BIND": f"127.0.0.1:{port}"}
        for name in ("DATABASE_URL", "REDIS_URL", "S3_ENDPOINT"):
            env.pop(name, None)
        log = open(Path(folder) / "serve.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [str(ROOT / "scripts/serve")], env=env, stdout=log, stderr=log, start_new_session=True
        )
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(base + "/api/schema/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            worker = gunicorn_worker(server.pid)
            token = api(
                base,
                "POST",
                "/api/v1/auth/token/",
                body={"email": "applicant@demo.urbadesk.org", "password": "urbadesk-demo"},
            )["access"]
            dossier = api(
                base,
                "POST",
                "/api/v1/dossiers/",
                token,
                {"procedure_type": "PC", "title": "Bench", "address": "Casablanca"},
            )
            plan = api(
                base, "POST", f"/api/v1/dossiers/{dossier['id']}/plans/", token, {"kind": "site", "title": "Big"}
            )
            pdf = Path(folder) / "big.pdf"
            pdf.write_bytes(building_outline_pdf(padding_bytes=SIZE_MB * 1024 * 1024))
            size_mib = pdf.stat().st_size / 1024 / 1024
            print(f"file: {size_mib:.1f} MiB valid PDF; API worker pid {worker}")

            def multipart() -> dict:
                out = subprocess.run(
                    [
                        "curl",
                        "-sS",
                        "-H",
                        f"Authorization: Bearer {token}",
                        "-F",
                        f"file=@{pdf}",
                        "-F",
                        "declared_scale=100",
                        f"{base}/api/v1/plans/{plan['id']}/versions/",
                    ],
                    check=True,
                    capture_output=True,
                )
                return json.loads(out.stdout)

            def direct() -> dict:
                target = api(
                    base,
                    "POST",
                    f"/api/v1/plans/{plan['id']}/uploads/",
                    token,
                    {"filename": "big.pdf", "size": pdf.stat().st_size},
                )
                # not `curl -T`: it appends the file name to a URL that ends with a slash
                subprocess.run(
                    [
                        "curl",
                        "-sS",
                        "--fail",
                        "-X",
                        "PUT",
                        "--data-binary",
                        f"@{pdf}",
                        "-H",
                        "Content-Type: application/pdf",
                        target["upload_url"],
                    ],
                    check=True,
                    capture_output=True,
                )
                return api(base, "POST", f"/api/v1/uploads/{target['id']}/complete/", token)

            results: dict = {"file_mib": round(size_mib, 1), "storage": "filesystem (embedded defaults)"}
            for name, action in (("multipart POST", multipart), ("direct PUT + complete", direct)):
                baseline, peak, elapsed, version = measure(worker, action)
                analysis = wait_ready(base, token, version["id"])
                print(
                    f"{name:<22} RSS baseline {baseline / 1024:6.1f} MiB, peak {peak / 1024:6.1f} MiB "
                    f"(+{(peak - baseline) / 1024:5.1f} MiB for a {size_mib:.0f} MiB file), "
                    f"{elapsed:5.2f} s upload ({size_mib / elapsed:5.1f} MiB/s), analysis {analysis:4.1f} s"
                )
                results[name] = {
                    "rss_baseline_mib": round(baseline / 1024, 1),
                    "rss_peak_mib": round(peak / 1024, 1),
                    "rss_growth_mib": round((peak - baseline) / 1024, 1),
                    "upload_seconds": round(elapsed, 2),
                    "upload_mib_per_second": round(size_mib / elapsed, 1),
                    "analysis_seconds": round(analysis, 1),
                }
            out = ROOT / "bench" / "results" / "upload_memory.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(results, indent=2) + "\n")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
