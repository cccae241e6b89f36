"""Benchmark: bookings per second under contention on PostgreSQL, and the agenda PDF's size.

Makes a throw-away PostgreSQL database (DATABASE_URL's server, database `urbadesk_bench`),
a commission with sessions, and DOSSIERS submitted dossiers; THREADS threads then book them
all at once into a handful of slots (every booking fights for the same rows). Prints the
bookings per second, how many attempts got a 409 because the slot was full, the final check
that no slot is overbooked, and the size of the agenda PDF of a 30-dossier session.
Run with `make bench` (PostgreSQL must answer at 127.0.0.1:5432 unless DATABASE_URL says
otherwise).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DOSSIERS = int(os.environ.get("DOSSIERS", "400"))
THREADS = int(os.environ.get("THREADS", "8"))
SLOTS = int(os.environ.get("SLOTS", "6"))
CAPACITY = int(os.environ.get("CAPACITY", "50"))


def main() -> None:
    subprocess.run(
        ["psql", "-q", f"{SERVER}/postgres", "-c", "DROP DATABASE IF EXISTS urbadesk_bench",
         "-c", "CREATE DATABASE urbadesk_bench"],
        check=True,
    )
    os.environ["DATABASE_URL"] = f"{SERVER}/urbadesk_bench"
    os.environ.setdefault("URBADESK_BROKER", "stub")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT / "backend"))
    import django

    django.setup()
    from datetime import time as clock
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone

    from accounts.models import Organisation, User
    from agenda import documents, selectors, services
    from agenda.models import Booking, Slot
    from commissions import services as commission_services
    from config.exceptions import Conflict
    from dossiers.models import Dossier, DossierParty, ProcedureType

    call_command("migrate", verbosity=0)
    authority = Organisation.objects.create(slug="bench", name="Bench authority")
    agent = User.objects.create_user("agent@bench.example", "x", role="desk_agent", organisation=authority)
    commission = commission_services.commission_create(
        actor=agent, name="Bench commission", organisation=authority, timezone="Africa/Casablanca",
        procedure_types=["PC"],
    )
    services.planning_rule_create(
        actor=agent, commission=commission, weekdays=[1, 2, 3, 4, 5, 6, 7], start_time=clock(9), end_time=clock(12),
        slot_minutes=30, capacity=CAPACITY, valid_from=timezone.now().date(), booking_opens_days=60,
        booking_closes_hours=0,
    )
    services.sessions_generate(actor=agent, commission=commission, weeks=2)
    slots = list(Slot.objects.filter(starts_at__gt=timezone.now() + timedelta(days=2)).order_by("starts_at")[:SLOTS])
    procedure = ProcedureType.objects.get(code="PC")
    applicant = User.objects.create_user("applicant@bench.example", "x")
    dossiers = Dossier.objects.bulk_create(
        Dossier(reference=f"PC-2026-{i:06d}", procedure_type=procedure, organisation=authority, title=f"D{i}",
                address="Casablanca", status="submitted", created_by=applicant)
        for i in range(DOSSIERS)
    )
    DossierParty.objects.bulk_create(DossierParty(dossier=d, user=applicant, role="applicant") for d in dossiers)
    connections.close_all()

    outcomes = {"booked": 0, "full": 0, "error": 0}
    lock = threading.Lock()
    start_gate = threading.Barrier(THREADS)

    def worker(chunk: list) -> None:
        rng = random.Random()
        start_gate.wait()
        for dossier in chunk:
            try:
                services.booking_create(actor=applicant, dossier=dossier, slot=rng.choice(slots))
                key = "booked"
            except Conflict:
                key = "full"
            except Exception as exc:  # reported, never hidden
                print("error:", type(exc).__name__, exc)
                key = "error"
            with lock:
                outcomes[key] += 1
        connections.close_all()

    chunks = [dossiers[i::THREADS] for i in range(THREADS)]
    threads = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    overbooked = [s.pk for s in Slot.objects.filter(pk__in=[s.pk for s in slots]) if s.booked_count > s.capacity]
    active = Booking.objects.filter(status="active").count()
    attempts = sum(outcomes.values())
    print(
        f"{attempts} booking attempts by {THREADS} threads on {SLOTS} slots of capacity {CAPACITY}: "
        f"{outcomes['booked']} booked, {outcomes['full']} refused as full (409), {outcomes['error']} errors, "
        f"in {elapsed:.2f} s = {attempts / elapsed:.0f} attempts/s, {outcomes['booked'] / elapsed:.0f} bookings/s"
    )
    print(f"active bookings in the database: {active}; overbooked slots: {len(overbooked)}")

    session = slots[0].session
    Booking.objects.filter(status="active").exclude(slot__session=session).update(status="cancelled")
    free = [s for s in session.slots.all()]
    others = Dossier.objects.exclude(bookings__status="active")[:30]
    count = Booking.objects.filter(slot__session=session, status="active").count()
    for dossier in others[: max(0, 30 - count)]:
        slot = next(s for s in free if Slot.objects.get(pk=s.pk).booked_count < s.capacity)
        services.booking_create(actor=applicant, dossier=dossier, slot=slot)
    items = list(selectors.agenda_items(session=session)[:30])
    pdf = documents.agenda_pdf(session, items)
    print(f"agenda PDF of a {len(items)}-dossier session: {len(pdf) / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
