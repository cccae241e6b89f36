"""The receipt of a paid fee, drawn on demand: a page with what was paid, for which dossier,
by which means, and the refunds made since. Small enough (a few milliseconds) to draw in the
request rather than in a worker."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from config.pdf_text import paragraph, stylesheet
from dossiers.fees import format_money
from payments.models import Payment


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
        [_("Amount"), format_money(payment.amount, payment.currency)],
        [_("Means of payment"), f"{payment.provider} · {payment.provider_charge or payment.provider_reference}"],
    ]


def receipt_pdf(payment: Payment, *, language: str) -> bytes:
    with translation.override(language):
        styles = stylesheet()
        body, label = styles["BodyText"], styles["BodyText"].clone("label", fontName=styles["Heading3"].fontName)
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
        table = Table(
            [[paragraph(name, label), paragraph(value, body)] for name, value in _rows(payment)],
            colWidths=[45 * mm, 125 * mm],
        )
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story = [paragraph(_("Payment receipt"), styles["Title"]), Spacer(1, 6 * mm), table]
        refunds = list(payment.refunds.all())
        if refunds:
            story += [Spacer(1, 6 * mm), paragraph(_("Refunds"), styles["Heading3"])]
            rows = [[_when(r.created_at), format_money(r.amount, payment.currency), r.reason] for r in refunds]
            refunded = Table(
                [[paragraph(cell, body) for cell in row] for row in rows], colWidths=[45 * mm, 35 * mm, 90 * mm]
            )
            refunded.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(refunded)
        document.build(story)
        return buffer.getvalue()
