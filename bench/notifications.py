"""Benchmark: notifications and webhooks delivered per second by one worker, on the real broker.

Makes a throw-away PostgreSQL database (`urbadesk_bench_notify`), queues E-mail deliveries
(one notification each to EMAILS people, through `notify()`, the path every event takes) and
HOOKS webhook deliveries to a receiver on this machine, on Redis (database 13 unless
BENCH_REDIS says otherwise). Then it starts one standalone worker (`dramatiq config.worker`,
1 process, THREADS threads) per queue in turn and reports its rate, taken between the first
and the last delivery it recorded (so the worker's start is not counted), and the wall time.
E-mail goes through Django's console backend into /dev/null: the figure is Urbadesk's part
(broker, database, rendering), not an SMTP server's. Writes bench/notifications-results.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/13")
EMAILS = int(os.environ.get("EMAILS", "2000"))
HOOKS = int(os.environ.get("HOOKS", "1000"))
THREADS = int(os.environ.get("THREADS", "8"))
DATABASE = "urbadesk_bench_notify"


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def run_worker(queue: str, env: dict[str, str], done, total: int) -> dict[str, float]:
    """One worker process on one queue until `done()` reaches `total`; its rate and wall time."""
    began = time.perf_counter()
    worker = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/dramatiq"),
            "config.worker",
            "--processes",
            "1",
            "--threads",
            str(THREADS),
            "--queues",
            queue,
        ],
        cwd=ROOT / "backend",
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while done()[0] < total:
            if time.perf_counter() - began > 600:
                raise SystemExit(f"{queue}: only {done()[0]} of {total} after 10 minutes")
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    wall = time.perf_counter() - began
    _count, first, last = done()
    spread = (last - first).total_seconds()
    return {"delivered": total, "wall_seconds": round(wall, 2), "per_second": round((total - 1) / spread, 1)}


def main() -> None:
    subprocess.run(
        [
            "psql",
            "-q",
            f"{SERVER}/postgres",
            "-c",
            f"DROP DATABASE IF EXISTS {DATABASE}",
            "-c",
            f"CREATE DATABASE {DATABASE}",
        ],
        check=True,
    )
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "REDIS_URL": REDIS,
        "URBADESK_BROKER": "redis",
        "URBADESK_EMAIL": "console",
        "URBADESK_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "backend"))
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import connections, transaction
    from django.db.models import Count, Max, Min

    from accounts.models import Organisation, User
    from dossiers.models import Dossier, ProcedureType
    from notifications.models import Delivery, DeliveryStatus, WebhookDelivery, WebhookSubscription
    from notifications.services import notify
    from notifications.webhooks import new_secret, publish

    redis.Redis.from_url(REDIS).flushdb()
    call_command("migrate", verbosity=0)
    authority = Organisation.objects.create(slug="bench", name="Bench authority")
    people = User.objects.bulk_create(
        User(email=f"person{i}@bench.example", full_name=f"Person {i}", language="fr" if i % 2 else "en")
        for i in range(EMAILS)
    )
    owner = User.objects.create_user("system@bench.example", "x", role="admin")
    dossier = Dossier.objects.create(
        reference="PC-2026-000001",
        procedure_type=ProcedureType.objects.get(code="PC"),
        organisation=authority,
        title="Bench",
        address="Casablanca",
        status="submitted",
        created_by=owner,
    )
    WebhookSubscription.objects.create(
        owner=owner,
        url=f"http://127.0.0.1:{receiver.server_port}/hook",
        events=["dossier.submitted"],
        secret=new_secret(),
    )
    context = {"reference": dossier.reference, "title": dossier.title}
    began = time.perf_counter()
    with transaction.atomic():
        notify(event="dossier.submitted", recipients=people, context=context, url=f"/dossiers/{dossier.id}")
    queued_emails = time.perf_counter() - began
    began = time.perf_counter()
    for _ in range(HOOKS):
        with transaction.atomic():
            publish(event="dossier.submitted", dossier_id=dossier.id, data=context, url=f"/dossiers/{dossier.id}")
    queued_hooks = time.perf_counter() - began
    connections.close_all()

    def emails_done():
        sent = Delivery.objects.filter(channel="email", status=DeliveryStatus.SENT).aggregate(
            n=Count("pk"), first=Min("sent_at"), last=Max("sent_at")
        )
        return sent["n"], sent["first"], sent["last"]

    def hooks_done():
        sent = WebhookDelivery.objects.filter(status=DeliveryStatus.SENT).aggregate(
            n=Count("pk"), first=Min("delivered_at"), last=Max("delivered_at")
        )
        return sent["n"], sent["first"], sent["last"]

    results = {
        "worker": f"1 dramatiq process, {THREADS} threads, Redis broker, PostgreSQL",
        "email": {
            "queued_per_second": round(EMAILS / queued_emails, 1),
            **run_worker("notifications", env, emails_done, EMAILS),
        },
        "webhook": {
            "queued_per_second": round(HOOKS / queued_hooks, 1),
            **run_worker("webhooks", env, hooks_done, HOOKS),
        },
    }
    failed = Delivery.objects.exclude(status=DeliveryStatus.SENT).exclude(channel="in_app").count()
    failed += WebhookDelivery.objects.exclude(status=DeliveryStatus.SENT).count()
    results["not_sent"] = failed
    print(
        f"e-mail notifications: {results['email']['per_second']}/s by one worker "
        f"({EMAILS} in {results['email']['wall_seconds']} s with its start; queued at "
        f"{results['email']['queued_per_second']}/s)"
    )
    print(
        f"webhook deliveries to a local receiver: {results['webhook']['per_second']}/s by one worker "
        f"({HOOKS} in {results['webhook']['wall_seconds']} s; queued at {results['webhook']['queued_per_second']}/s)"
    )
    print(f"not sent: {failed}")
    (ROOT / "bench" / "notifications-results.json").write_text(json.dumps(results, indent=2) + "\n")
    receiver.shutdown()


if __name__ == "__main__":
    main()
