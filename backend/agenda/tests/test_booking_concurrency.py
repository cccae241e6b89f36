"""The rules of booking under real concurrency (PostgreSQL): the database keeps them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from agenda import services
from agenda.models import Booking, Slot
from config.exceptions import Conflict
from dossiers.tests.test_concurrency import in_parallel

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
]


def test_fifty_concurrent_attempts_on_a_slot_of_capacity_three(setup):
    slot = setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=3)).first()
    Slot.objects.filter(pk=slot.pk).update(capacity=3)
    dossiers = [setup.dossier() for _ in range(50)]
    results = in_parallel(
        50, lambda i: services.booking_create(actor=dossiers[i].created_by, dossier=dossiers[i], slot=slot)
    )
    booked = [r for r in results if isinstance(r, Booking)]
    refused = [r for r in results if isinstance(r, Conflict)]
    assert len(booked) == 3, [r for r in results if not isinstance(r, (Booking, Conflict))]
    assert len(refused) == 47
    assert all(r.status_code == 409 for r in refused)
    slot.refresh_from_db()
    assert slot.booked_count == 3
    assert Booking.objects.filter(slot=slot, status="active").count() == 3


def test_two_concurrent_bookings_of_one_dossier_give_one(setup):
    dossier = setup.dossier()
    slots = list(setup.future_slots().filter(starts_at__gt=timezone.now() + timedelta(days=3))[:2])
    results = in_parallel(
        2, lambda i: services.booking_create(actor=dossier.created_by, dossier=dossier, slot=slots[i])
    )
    assert sum(isinstance(r, Booking) for r in results) == 1
    assert sum(isinstance(r, Conflict) for r in results) == 1
    assert Booking.objects.filter(dossier=dossier, status="active").count() == 1
    assert sum(Slot.objects.filter(pk__in=[s.pk for s in slots]).values_list("booked_count", flat=True)) == 1
