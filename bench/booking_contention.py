"""Benchmark: bookings per second under contention on PostgreSQL, and the agenda PDF's size.

Makes a throw-away PostgreSQL database (BENCH_POSTGRES's server, database BENCH_DATABASE,
default `urbadesk_bench_booking`), a commission with sessions, and DOSSIERS submitted dossiers;
THREADS threads then book them all at once into a handful of slots (every booking fights for
the same rows). Prints the bookings per second, how many attempts got a 409 because the slot
was full, the final check that no slot is overbooked, and the size of the agenda PDF of a
30-dossier session.

Then the floor: as many fresh dossiers, booked by as many threads into as many fresh slots, by
a bare loop that does only the row work a booking cannot do without, in one transaction each:
lock the dossier (SELECT … FOR UPDATE), take a seat (UPDATE … SET booked_count = booked_count + 1
WHERE booked_count < capacity) and insert the booking row. No checks of the dossier or the
slot, no dispatch to the commission, no audit event, no notification.

Writes bench/results/booking.json (BENCH_JSON overrides the path), which bench/report.py folds
into bench/results.md. PostgreSQL must answer at 127.0.0.1:5432 unless BENCH_POSTGRES says
otherwise.
"""

from __future__ import annotations

import json
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
DATABASE = os.environ.get("BENCH_DATABASE", "urbadesk_bench_booking")
OUT = Path(os.environ.get("BENCH_JSON") or ROOT / "bench" / "results" / "booking.json")


def contend(book, dossiers: list, slots: list) -> dict:
    """THREADS threads book `dossiers` at once, each into a random slot of `slots`.

    `book(dossier, slot)` returns True when booked, False when the slot was full.
    """
    from django.db import connections

    outcomes = {"booked": 0, "full": 0, "error": 0}
    lock = threading.Lock()
    start_gate = threading.Barrier(THREADS)

    def worker(chunk: list) -> None:
        rng = random.Random()
        start_gate.wait()
        for dossier in chunk:
            try:
                key = "booked" if book(dossier, rng.choice(slots)) else "full"
            except Exception as exc:  # reported, never hidden
                print("error:", type(exc).__name__, exc)
                key = "error"
            with lock:
                outcomes[key] += 1
        connections.close_all()

    threads = [threading.Thread(target=worker, args=(dossiers[i::THREADS],)) for i in range(THREADS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    attempts = sum(outcomes.values())
    return {
        **outcomes,
        "attempts": attempts,
        "seconds": round(elapsed, 3),
        "attempts_per_second": round(attempts / elapsed, 1),
        "bookings_per_second": round(outcomes["booked"] / elapsed, 1),
    }


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
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ.setdefault("URBADESK_BROKER", "stub")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT / "backend"))
    import django

    django.setup()
    from datetime import time as clock
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection, connections, transaction
    from django.db.models import F
    from django.test.utils import CaptureQueriesContext
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
        actor=agent,
        name="Bench commission",
        organisation=authority,
        timezone="Africa/Casablanca",
        procedure_types=["PC"],
    )
    services.planning_rule_create(
        actor=agent,
        commission=commission,
        weekdays=[1, 2, 3, 4, 5, 6, 7],
        start_time=clock(9),
        end_time=clock(12),
        slot_minutes=30,
        capacity=CAPACITY,
        valid_from=timezone.now().date(),
        booking_opens_days=60,
        booking_closes_hours=0,
    )
    services.sessions_generate(actor=agent, commission=commission, weeks=2)
    slots = list(Slot.objects.filter(starts_at__gt=timezone.now() + timedelta(days=2)).order_by("starts_at")[:SLOTS])
    procedure = ProcedureType.objects.get(code="PC")
    applicant = User.objects.create_user("applicant@bench.example", "x")

    def submitted_dossiers(first: int, count: int = DOSSIERS) -> list:
        made = Dossier.objects.bulk_create(
            Dossier(
                reference=f"PC-2026-{i:06d}",
                procedure_type=procedure,
                organisation=authority,
                title=f"D{i}",
                address="Casablanca",
                status="submitted",
                created_by=applicant,
            )
            for i in range(first, first + count)
        )
        DossierParty.objects.bulk_create(DossierParty(dossier=d, user=applicant, role="applicant") for d in made)
        return made

    dossiers = submitted_dossiers(0)
    connections.close_all()

    def book_through_service(dossier, slot) -> bool:
        try:
            services.booking_create(actor=applicant, dossier=dossier, slot=slot)
        except Conflict:
            return False
        return True

    service = contend(book_through_service, dossiers, slots)
    overbooked = [s.pk for s in Slot.objects.filter(pk__in=[s.pk for s in slots]) if s.booked_count > s.capacity]
    active = Booking.objects.filter(status="active").count()
    print(
        f"{service['attempts']} booking attempts by {THREADS} threads on {SLOTS} slots of capacity {CAPACITY}: "
        f"{service['booked']} booked, {service['full']} refused as full (409), {service['error']} errors, "
        f"in {service['seconds']:.2f} s = {service['attempts_per_second']:.0f} attempts/s, "
        f"{service['bookings_per_second']:.0f} bookings/s"
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

    # The floor: fresh dossiers into fresh slots (none of the session above), the same threads.
    floor_slots = list(
        Slot.objects.exclude(session=session)
        .exclude(pk__in=[s.pk for s in slots])
        .filter(booked_count=0, starts_at__gt=timezone.now() + timedelta(days=2))
        .order_by("starts_at")[:SLOTS]
    )
    floor_dossiers = submitted_dossiers(DOSSIERS)
    connections.close_all()

    def book_bare(dossier, slot) -> bool:
        with transaction.atomic():
            list(Dossier.objects.select_for_update().filter(pk=dossier.pk).values_list("pk", flat=True))
            taken = Slot.objects.filter(pk=slot.pk, booked_count__lt=F("capacity")).update(
                booked_count=F("booked_count") + 1
            )
            if taken:
                Booking.objects.create(dossier_id=dossier.pk, slot_id=slot.pk, created_by_id=applicant.pk)
            return bool(taken)

    floor = contend(book_bare, floor_dossiers, floor_slots)
    floor_overbooked = [
        s.pk for s in Slot.objects.filter(pk__in=[s.pk for s in floor_slots]) if s.booked_count > s.capacity
    ]
    print(
        f"floor (lock the dossier, take a seat, insert the booking; nothing else): {floor['attempts']} attempts, "
        f"{floor['booked']} booked, {floor['full']} full, {floor['error']} errors, in {floor['seconds']:.2f} s = "
        f"{floor['attempts_per_second']:.0f} attempts/s, {floor['bookings_per_second']:.0f} bookings/s"
    )
    # One booking alone, each way: its time and its queries, with no one to wait for.
    alone = {}
    spare = Slot.objects.filter(booked_count=0, starts_at__gt=timezone.now() + timedelta(days=2)).exclude(
        pk__in=[s.pk for s in [*slots, *floor_slots]]
    )
    for (name, book), dossier in zip(
        (("service", book_through_service), ("floor", book_bare)), submitted_dossiers(2 * DOSSIERS, 2), strict=True
    ):
        slot = spare.exclude(session=session).first()
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            assert book(dossier, slot)
            alone[name] = {"ms": round((time.perf_counter() - began) * 1000, 1), "queries": len(queries)}
    print(
        f"one booking alone: service {alone['service']['ms']} ms in {alone['service']['queries']} queries, "
        f"floor {alone['floor']['ms']} ms in {alone['floor']['queries']} queries"
    )
    results = {
        "threads": THREADS,
        "slots": SLOTS,
        "capacity": CAPACITY,
        "dossiers": DOSSIERS,
        "service": {**service, "overbooked_slots": len(overbooked)},
        "floor": {**floor, "overbooked_slots": len(floor_overbooked)},
        "one_booking_alone": alone,
        "agenda_pdf": {"dossiers": len(items), "kib": round(len(pdf) / 1024, 1)},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
