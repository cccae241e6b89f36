"""The receipt of a paid fee, drawn on demand: a page with what was paid, for which dossier,
by which means, and the refunds made since. Small enough (a few milliseconds) to draw in the
request rather than in a worker."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from payments.models import Payment


def _money(amount, currency: str) -> str:
    return f"{number_format(amount, 2, force_grouping=True)} {currency}"


def _when(moment) -> str:
    return date_format(moment.astimezone(ZoneInfo(settings.URBADESK["LOCAL_TIME_ZONE"])), "DATETIME_FORMAT")


def _rows(payment: Payment) -> list[list[str]]:
    dossier = payment.dossier
    procedure = dossier.procedure_type
    name = procedure.name_en if translation.get_language() == "en" else procedure.name_fr
    return [
        [_("Receipt number"), payment.receipt_number],
        [_("Paid on"), _when(payment.paid_at)],
        [_("Dossier"), f"{dossier.reference} — {name}"],
        [_("Project"), dossier.title],
        [_("Address"), dossier.address],
        [_("Paid by"), payment.created_by.full_name or payment.created_by.email],
        [_("Amount"), _money(payment.amount, payment.currency)],
        [_("Means of payment"), f"{payment.provider} · {payment.provider_charge or payment.provider_reference}"],
    ]


def receipt_pdf(payment: Payment, *, language: str) -> bytes:
    with translation.override(language):
        styles = getSampleStyleSheet()
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=_("Payment receipt %(number)s") % {"number": payment.receipt_number},
            author="Urbadesk",
        )
        table = Table(_rows(payment), colWidths=[45 * mm, 125 * mm])
        table.setStyle(
            TableStyle([("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        story = [Paragraph(_("Payment receipt"), styles["Title"]), Spacer(1, 6 * mm), table]
        refunds = list(payment.refunds.all())
        if refunds:
            story += [Spacer(1, 6 * mm), Paragraph(_("Refunds"), styles["Heading3"])]
            story.append(
                Table(
                    [[_when(r.created_at), _money(r.amount, payment.currency), r.reason] for r in refunds],
                    colWidths=[45 * mm, 35 * mm, 90 * mm],
                )
            )
        document.build(story)
        return buffer.getvalue()
