"""The PDFs people sign, drawn with reportlab: each page carries the document's verification link
and its QR code, and the last page keeps a zone with one box per signer, where pyHanko puts
each visible signature."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from config.pdf_text import font, paragraph, stylesheet, visual
from signatures.pdfsign import Placement

BOX_WIDTH, BOX_HEIGHT, BOX_GAP = 58 * mm, 26 * mm, 4 * mm
PER_ROW = 3


def verification_url(code: str) -> str:
    return f"{settings.URBADESK['PUBLIC_URL'].rstrip('/')}/verify/{code}"


def _qr(canvas, url: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(url, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _footer(code: str, caption: str):
    """Draws, on every page, the verification link and its QR code in the lower right corner."""

    def draw(canvas, document) -> None:
        url = verification_url(code)
        width, _height = document.pagesize
        canvas.saveState()
        _qr(canvas, url, width - 15 * mm - 18 * mm, 8 * mm, 18 * mm)
        canvas.setFont(font(), 7)
        canvas.drawRightString(width - 36 * mm, 16 * mm, visual(caption))
        canvas.drawRightString(width - 36 * mm, 12 * mm, url)
        canvas.drawString(15 * mm, 12 * mm, f"{document.page}")
        canvas.restoreState()

    return draw


class SignatureZone(Flowable):
    """Reserves room for the signers' boxes and remembers where it landed (page, position)."""

    def __init__(self, signers: int) -> None:
        super().__init__()
        self.rows = (signers + PER_ROW - 1) // PER_ROW
        self.count = signers
        self.width = PER_ROW * BOX_WIDTH + (PER_ROW - 1) * BOX_GAP
        self.height = self.rows * BOX_HEIGHT + (self.rows - 1) * BOX_GAP
        self.placements: list[Placement] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x0, y0 = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        self.placements = []
        for index in range(self.count):
            row, column = divmod(index, PER_ROW)
            left = x0 + column * (BOX_WIDTH + BOX_GAP)
            top = y0 + self.height - row * (BOX_HEIGHT + BOX_GAP)
            self.placements.append(Placement(page=page, box=(left, top - BOX_HEIGHT, left + BOX_WIDTH, top)))


@dataclass(frozen=True)
class Drawn:
    pdf: bytes
    placements: list[Placement]
    pages: int


def _build(story: list, *, title: str, code: str, caption: str, signers: int, heading: str | None = None) -> Drawn:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=32 * mm,
        title=title,
        author="Urbadesk",
    )
    zone = SignatureZone(signers)
    styles = stylesheet()
    heading = heading or _("Signatures")
    story = [*story, Spacer(1, 8 * mm), KeepTogether([paragraph(heading, styles["Heading3"]), zone])]
    footer = _footer(code, caption)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return Drawn(pdf=buffer.getvalue(), placements=zone.placements, pages=document.page)


@dataclass(frozen=True)
class DecisionFacts:
    """What the decision states; gathered by the service from the dossier and its decision."""

    authority: str
    reference: str
    procedure: str
    title: str
    address: str
    parcel: str
    applicants: Sequence[str]
    value: str  # in words
    text: str
    commission_opinion: str  # in words, with its conditions, or ""
    decided_at: datetime
    time_zone: str
    legal_mentions: str


def decision_pdf(facts: DecisionFacts, *, code: str, signers: int, language: str) -> Drawn:
    """The decision as an A4 PDF in the language, with room for `signers` signatures."""
    with translation.override(language):
        styles = stylesheet()
        body = styles["BodyText"]
        decided = facts.decided_at.astimezone(ZoneInfo(facts.time_zone)).strftime("%d/%m/%Y")
        rows = [
            [_("Reference"), facts.reference],
            [_("Procedure"), facts.procedure],
            [_("Project"), facts.title],
            [_("Address"), facts.address],
            [_("Applicant"), ", ".join(facts.applicants) or "—"],
            [_("Decision date"), decided],
        ]
        if facts.parcel:
            rows.insert(4, [_("Parcel"), facts.parcel])
        table = Table([[paragraph(k, body), paragraph(v, body)] for k, v in rows], colWidths=[45 * mm, None])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        story = [
            paragraph(facts.authority, styles["Heading4"]),
            paragraph(_("Decision — %(procedure)s") % {"procedure": facts.procedure}, styles["Title"]),
            table,
            Spacer(1, 6 * mm),
            paragraph(_("Decision: %(value)s") % {"value": facts.value}, styles["Heading2"]),
            paragraph(facts.text, body),
        ]
        if facts.commission_opinion:
            story += [
                Spacer(1, 4 * mm),
                paragraph(_("Opinion of the commission: %(opinion)s") % {"opinion": facts.commission_opinion}, body),
            ]
        story += [Spacer(1, 6 * mm), paragraph(facts.legal_mentions, styles["Italic"])]
        title = _("Decision %(reference)s") % {"reference": facts.reference}
        return _build(story, title=title, code=code, caption=_("Check this document's signatures:"), signers=signers)


@dataclass(frozen=True)
class Sheet:
    """One plan file of the set, as stored."""

    plan: str
    version: int
    filename: str
    sha256: str
    pages: int
    pdf: bytes  # the PDF itself (an image plan already placed on PDF pages)


def _stamp_overlay(width: float, height: float, text: str, code: str) -> bytes:
    """A transparent page of the sheet's size with the stamp in its lower right corner."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    scale = max(0.6, min(width, height) / 842)  # legible on A4, not lost on A0
    box_w, box_h, margin = 200 * scale, 44 * scale, 12 * scale
    x, y = width - box_w - margin, margin
    canvas.setStrokeColorRGB(0.75, 0.1, 0.1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setLineWidth(1.5 * scale)
    canvas.rect(x, y, box_w, box_h, stroke=1, fill=1)
    canvas.setFillColorRGB(0.75, 0.1, 0.1)
    canvas.setFont(font(bold=True), 9 * scale)
    canvas.drawString(x + 6 * scale, y + box_h - 14 * scale, visual(text))
    canvas.setFont(font(), 6.5 * scale)
    canvas.drawString(x + 6 * scale, y + 8 * scale, verification_url(code))
    _qr(canvas, verification_url(code), x + box_w - box_h + 4 * scale, y + 4 * scale, box_h - 8 * scale)
    canvas.save()
    return buffer.getvalue()


def _display_to_user(rotation: int, width: float, height: float, left: float, bottom: float) -> list[float]:
    """The matrix taking a point of the page as displayed (upright, after /Rotate) to its user
    space, so the stamp reads straight without touching the page's own content."""
    a, b, c, d, e, f = {
        0: (1, 0, 0, 1, 0, 0),
        90: (0, 1, -1, 0, width, 0),
        180: (-1, 0, 0, -1, width, height),
        270: (0, -1, 1, 0, 0, height),
    }[rotation % 360]
    return [a, b, c, d, e + left, f + bottom]


def _stamp_form(writer: PdfWriter, width: float, height: float, text: str, code: str) -> IndirectObject:
    """The stamp as one form XObject in the output, shared by every page of that displayed size."""
    drawn = PdfReader(io.BytesIO(_stamp_overlay(width, height, text, code))).pages[0]
    form = DecodedStreamObject()
    form.set_data(drawn.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]),
            NameObject("/Resources"): drawn["/Resources"].clone(writer),
        }
    )
    return writer._add_object(form)


def _content(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def stamped_sheets(sheets: Sequence[Sheet], *, text: str, code: str) -> PdfWriter:
    """Every page of every sheet with the stamp drawn over it, in the lower right corner as the
    page is displayed. The page's own content is left byte for byte as it was (no re-rasterising,
    no rewriting): the stamp is one shared form XObject, drawn by a small stream added after it."""
    writer = PdfWriter()
    forms: dict[tuple[float, float], IndirectObject] = {}
    for sheet in sheets:
        for source in PdfReader(io.BytesIO(sheet.pdf)).pages:
            page = writer.add_page(source)
            box, rotation = page.mediabox, page.rotation % 360
            width, height = float(box.width), float(box.height)
            shown = (
                (round(height, 2), round(width, 2)) if rotation in (90, 270) else (round(width, 2), round(height, 2))
            )
            if shown not in forms:
                forms[shown] = _stamp_form(writer, *shown, text, code)
            resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
            xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
            xobjects[NameObject("/UrbadeskStamp")] = forms[shown]
            matrix = " ".join(
                f"{v:g}" for v in _display_to_user(rotation, width, height, float(box.left), float(box.bottom))
            )
            original = page.get("/Contents")
            parts = (
                []
                if original is None
                else list(original)
                if isinstance(original.get_object(), ArrayObject)
                else [original]
            )
            page[NameObject("/Contents")] = ArrayObject(
                [
                    _content(writer, b"q\n"),
                    *parts,
                    _content(writer, f"\nQ q {matrix} cm /UrbadeskStamp Do Q\n".encode()),
                ]
            )
    return writer


def authorised_plans_pdf(
    sheets: Sequence[Sheet], *, reference: str, stamp: str, code: str, signers: int, language: str
) -> Drawn:
    """A cover page listing the sheets (with their fingerprints) and the signers' boxes, followed by
    every sheet stamped: one document, signed once by each signer for the whole set."""
    with translation.override(language):
        styles = stylesheet()
        body = styles["BodyText"]
        rows = [[_("Plan"), _("Version"), _("File"), _("Pages"), _("SHA-256")]]
        rows += [
            [sheet.plan, str(sheet.version), sheet.filename, str(sheet.pages), sheet.sha256[:16] + "…"]
            for sheet in sheets
        ]
        table = Table(
            [[paragraph(cell, body) for cell in row] for row in rows],
            colWidths=[45 * mm, 19 * mm, None, 17 * mm, 34 * mm],
        )
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")]))
        story = [
            paragraph(_("Authorised plans — %(reference)s") % {"reference": reference}, styles["Title"]),
            paragraph(_("Each page of the plans below carries the stamp: %(stamp)s") % {"stamp": stamp}, body),
            Spacer(1, 4 * mm),
            table,
        ]
        title = _("Authorised plans %(reference)s") % {"reference": reference}
        cover = _build(story, title=title, code=code, caption=_("Check this document's signatures:"), signers=signers)
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(cover.pdf)).pages:
        writer.add_page(page)
    writer.append(stamped_sheets(sheets, text=stamp, code=code))
    writer.add_metadata({"/Title": title, "/Author": "Urbadesk"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return Drawn(pdf=buffer.getvalue(), placements=cover.placements, pages=len(writer.pages))


@dataclass(frozen=True)
class MinutesMember:
    name: str
    body: str
    role: str  # in words


@dataclass(frozen=True)
class MinutesOpinion:
    member: str
    body: str
    opinion: str  # in words, or "" when none was given
    reasons: str
    conditions: str


@dataclass(frozen=True)
class MinutesItem:
    reference: str
    title: str
    address: str
    procedure: str
    applicant: str
    opinions: Sequence[MinutesOpinion]
    consolidated: str  # in words with its conditions, or "" when none is recorded
    rule: str


@dataclass(frozen=True)
class MinutesFacts:
    authority: str
    commission: str
    date: str
    hours: str
    place: str
    present: Sequence[MinutesMember]
    absent: Sequence[MinutesMember]
    items: Sequence[MinutesItem]


def minutes_pdf(facts: MinutesFacts, *, code: str, signers: int, language: str) -> Drawn:
    """The session's minutes (procès-verbal): who sat, and for each dossier the members' opinions
    and the commission's, in the commission's language."""
    with translation.override(language):
        styles = stylesheet()
        body = styles["BodyText"]
        small = styles["BodyText"].clone("small", fontSize=8.5, leading=10.5)

        def table(rows: list[list[str]], widths: list) -> Table:
            built = Table([[paragraph(cell, small) for cell in row] for row in rows], colWidths=widths)
            built.setStyle(
                TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")])
            )
            return built

        story = [
            paragraph(facts.authority, styles["Heading4"]),
            paragraph(_("Minutes — %(commission)s") % {"commission": facts.commission}, styles["Title"]),
            paragraph(
                _("Session of %(date)s, %(hours)s. %(place)s")
                % {"date": facts.date, "hours": facts.hours, "place": facts.place},
                body,
            ),
            paragraph(_("Members present"), styles["Heading3"]),
            table(
                [[_("Member"), _("Body represented"), _("Role")]] + [[m.name, m.body, m.role] for m in facts.present],
                [60 * mm, 70 * mm, None],
            ),
        ]
        if facts.absent:
            absent = ", ".join(f"{m.name} ({m.body})" for m in facts.absent)
            story.append(paragraph(_("Absent: %(names)s") % {"names": absent}, body))
        story.append(paragraph(_("Dossiers examined"), styles["Heading3"]))
        for number, item in enumerate(facts.items, start=1):
            story += [
                paragraph(f"{number}. {item.reference} — {item.title}", styles["Heading4"]),
                paragraph(f"{item.procedure} · {item.address} · {item.applicant}", small),
                table(
                    [[_("Member"), _("Body represented"), _("Opinion"), _("Reasons and conditions")]]
                    + [
                        [
                            o.member,
                            o.body,
                            o.opinion or _("none given"),
                            " — ".join(filter(None, [o.reasons, o.conditions])),
                        ]
                        for o in item.opinions
                    ],
                    [38 * mm, 38 * mm, 32 * mm, None],
                ),
                paragraph(
                    _("Opinion of the commission: %(opinion)s (%(rule)s)")
                    % {"opinion": item.consolidated, "rule": item.rule}
                    if item.consolidated
                    else _("No opinion of the commission recorded."),
                    body,
                ),
                Spacer(1, 3 * mm),
            ]
        if not facts.items:
            story.append(paragraph(_("No dossier was on the agenda."), body))
        title = _("Minutes — %(commission)s — %(date)s") % {"commission": facts.commission, "date": facts.date}
        return _build(story, title=title, code=code, caption=_("Check this document's signatures:"), signers=signers)


@dataclass(frozen=True)
class CertificatePermit:
    reference: str
    procedure: str  # in the certificate's language
    decided_on: str  # a date, already in the authority's calendar


@dataclass(frozen=True)
class CertificateZone:
    code: str
    name: str
    text: str


@dataclass(frozen=True)
class CertificateFacts:
    """What an urban-planning information certificate states of a parcel, gathered by the service."""

    authority: str
    parcel: str
    address: str
    latitude: str
    longitude: str
    requested_by: str
    issued_on: str
    zones: Sequence[CertificateZone]
    permits: Sequence[CertificatePermit]


def certificate_pdf(facts: CertificateFacts, *, code: str, language: str) -> Drawn:
    """The certificate (renseignements urbanistiques) as an A4 PDF in the language, with one box
    where the platform's electronic seal goes."""
    with translation.override(language):
        styles = stylesheet()
        body = styles["BodyText"]
        rows = [
            [_("Parcel"), facts.parcel],
            [_("Address"), facts.address or "—"],
            [_("Position (WGS 84)"), f"{facts.latitude}, {facts.longitude}"],
            [_("Requested by"), facts.requested_by],
            [_("Issued on"), facts.issued_on],
            [_("Certificate number"), code],
        ]
        table = Table([[paragraph(k, body), paragraph(v, body)] for k, v in rows], colWidths=[45 * mm, None])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        story = [
            paragraph(facts.authority, styles["Heading4"]),
            paragraph(_("Urban-planning information certificate"), styles["Title"]),
            table,
            paragraph(_("Zoning"), styles["Heading2"]),
        ]
        for zone in facts.zones:
            story += [paragraph(f"{zone.code} — {zone.name}", styles["Heading4"]), paragraph(zone.text, body)]
        if not facts.zones:
            story.append(paragraph(_("No area of the zoning plan recorded here covers this parcel."), body))
        story.append(paragraph(_("Permits granted on the parcel"), styles["Heading2"]))
        if facts.permits:
            permits = Table(
                [[paragraph(c, body) for c in (_("Reference"), _("Procedure"), _("Decision date"))]]
                + [[paragraph(c, body) for c in (p.reference, p.procedure, p.decided_on)] for p in facts.permits],
                colWidths=[45 * mm, None, 32 * mm],
            )
            permits.setStyle(
                TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")])
            )
            story.append(permits)
        else:
            story.append(paragraph(_("No permit granted on this parcel is recorded."), body))
        story += [
            Spacer(1, 6 * mm),
            paragraph(
                _(
                    "This certificate states what the platform records of the parcel on the day it was issued. "
                    "It is sealed electronically by the platform; anyone may check it at the address below."
                ),
                styles["Italic"],
            ),
        ]
        title = _("Urban-planning information certificate %(parcel)s") % {"parcel": facts.parcel}
        return _build(
            story,
            title=title,
            code=code,
            caption=_("Check this document's seal:"),
            signers=1,
            heading=_("Electronic seal"),
        )
