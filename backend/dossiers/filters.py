from datetime import UTC, datetime

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from dossiers.models import Dossier, DossierStatus, PaymentStatus


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 date-time, turned to UTC before it reaches the database.

    PostgreSQL refuses UTC offsets beyond ±15:59 that ISO 8601 allows; in UTC they are fine.
    """

    def filter(self, qs: QuerySet, value: datetime | None) -> QuerySet:
        if value is not None:
            try:
                value = value.astimezone(UTC)
            except (OverflowError, ValueError):
                raise ValidationError({self.field_name: [gettext("This date-time is out of range.")]})
        return super().filter(qs, value)


class DossierFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=DossierStatus.choices, help_text="One or more statuses.")
    procedure_type = django_filters.CharFilter(field_name="procedure_type_id", help_text="Procedure code, e.g. PC.")
    created_after = UtcDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = UtcDateTimeFilter(field_name="created_at", lookup_expr="lt")
    payment_status = django_filters.MultipleChoiceFilter(
        choices=PaymentStatus.choices, help_text="One or more payment statuses (the desk's paid / unpaid view)."
    )
    search = django_filters.CharFilter(
        method="filter_search", help_text="Matches reference, title, address or parcel reference."
    )

    class Meta:
        model = Dossier
        fields = ["status", "procedure_type", "payment_status", "created_after", "created_before", "search"]

    def filter_search(self, queryset: QuerySet[Dossier], name: str, value: str) -> QuerySet[Dossier]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(reference__icontains=value)
            | Q(title__icontains=value)
            | Q(address__icontains=value)
            | Q(parcel_reference__icontains=value)
        )
