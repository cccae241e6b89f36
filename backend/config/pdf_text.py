"""Text in the PDFs Urbadesk draws (decisions, minutes, certificates, authorised plans, receipts,
agendas, inquiry reports). The PDF standard fonts know only Western European letters: a name,
an address or a project title in Arabic, Tifinagh, Turkish or Polish came out as blanks or
wrong letters. So a Unicode font is embedded (DejaVu Sans: Latin, Arabic, Tifinagh, Greek,
Cyrillic), and right-to-left text is shaped (arabic-reshaper joins the letters into their
contextual forms) and laid out in visual order (python-bidi), line by line, since ReportLab
draws glyphs left to right as it is given them.

Every generator takes its styles from `stylesheet()` and its paragraphs from `paragraph()`;
text drawn straight on a canvas goes through `visual()` with `font()`.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from django.conf import settings
from django.core import checks
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

logger = logging.getLogger(__name__)

FAMILY = "UrbadeskSans"
# Our face → its file in URBADESK_PDF_FONT_DIR, and the standard face it stands for.
FACES = {
    FAMILY: ("DejaVuSans.ttf", "Helvetica"),
    f"{FAMILY}-Bold": ("DejaVuSans-Bold.ttf", "Helvetica-Bold"),
    f"{FAMILY}-Oblique": ("DejaVuSans-Oblique.ttf", "Helvetica-Oblique"),
    f"{FAMILY}-BoldOblique": ("DejaVuSans-BoldOblique.ttf", "Helvetica-BoldOblique"),
}
# Letters of right-to-left scripts: Hebrew, Arabic (with its supplements and presentation forms),
# Syriac, Thaana, N'Ko.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u2d30-\u2d7f]")


def font_dir() -> Path:
    return Path(settings.URBADESK["PDF_FONT_DIR"])


def missing_font_files() -> list[str]:
    """The font files the directory lacks (the start-up check names them)."""
    return [name for name, _standard in FACES.values() if not (font_dir() / name).is_file()]


@functools.cache
def _embedded() -> bool:
    """Registers our family once per process; False (the standard fonts, Latin only) without it."""
    if missing_font_files():
        logger.warning("PDF font files missing in %s: names in other scripts will not show", font_dir())
        return False
    for face, (filename, _standard) in FACES.items():
        pdfmetrics.registerFont(TTFont(face, str(font_dir() / filename)))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=FAMILY,
        bold=f"{FAMILY}-Bold",
        italic=f"{FAMILY}-Oblique",
        boldItalic=f"{FAMILY}-BoldOblique",
    )
    return True


def font(*, bold: bool = False, italic: bool = False) -> str:
    """The face to draw with on a canvas."""
    suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Oblique", (True, True): "-BoldOblique"}
    face = FAMILY + suffix[(bold, italic)]
    return face if _embedded() else FACES[face][1]


def stylesheet() -> StyleSheet1:
    """ReportLab's sample styles (Title, Heading1–6, BodyText, Italic…) in our font."""
    styles = getSampleStyleSheet()
    if not _embedded():
        return styles
    ours = {standard: face for face, (_filename, standard) in FACES.items()}
    for style in styles.byName.values():
        if isinstance(style, ParagraphStyle) and style.fontName in ours:
            style.fontName = ours[style.fontName]
            style.bulletFontName = ours.get(style.bulletFontName, style.bulletFontName)
    return styles


def is_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


def _right_to_left_first(text: str) -> bool:
    """The paragraph's direction, as the bidi algorithm takes it: its first strong letter's."""
    rtl, ltr = _RTL.search(text), _STRONG_LTR.search(text)
    return rtl is not None and (ltr is None or rtl.start() < ltr.start())


def visual(text: str) -> str:
    """One line of text as it must be drawn left to right: unchanged without right-to-left letters."""
    if not is_rtl(text):
        return text
    return get_display(arabic_reshaper.reshape(text))


class _BidiParagraph(Flowable):
    """A paragraph with right-to-left text. It is broken into lines in reading order first (on
    the shaped letters, whose widths are those drawn), then each line is put in visual order:
    reordering the whole paragraph at once would also reverse the order of its lines."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._inner: Paragraph | None = None

    def _lay_out(self, available_width: float) -> Paragraph:
        width = available_width - self.style.leftIndent - self.style.rightIndent
        lines: list[str] = []
        for written in self.text.split("\n"):
            shaped = arabic_reshaper.reshape(written)
            lines += simpleSplit(shaped, self.style.fontName, self.style.fontSize, width) or [""]
        style = self.style
        if _right_to_left_first(self.text) and style.alignment == TA_LEFT:
            style = style.clone(f"{style.name}-rtl", alignment=TA_RIGHT)
        return Paragraph("<br/>".join(escape(get_display(line)) for line in lines), style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._inner = self._lay_out(available_width)
        return self._inner.wrap(available_width, available_height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._lay_out(available_width).split(available_width, available_height)

    def draw(self) -> None:
        assert self._inner is not None, "wrap() comes before draw()"
        self._inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter


def _with_glyphs_for(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """DejaVu's oblique faces have no Arabic nor Tifinagh letters: text that needs them is set
    upright rather than as blanks."""
    upright = style.fontName.replace("Oblique", "").rstrip("-")
    if upright == style.fontName or style.fontName not in FACES or not _embedded():
        return style
    glyphs = pdfmetrics.getFont(style.fontName).face.charToGlyph
    if all(ord(char) in glyphs for char in text if not char.isspace()):
        return style
    return style.clone(f"{style.name}-upright", fontName=upright)


def paragraph(text: str, style: ParagraphStyle) -> Flowable:
    """Plain text (never markup) as a paragraph; line breaks kept."""
    style = _with_glyphs_for(text, style)
    if is_rtl(text):
        return _BidiParagraph(text, style)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


@checks.register()
def pdf_font_present(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """Without the font, documents still come out, but names in Arabic or Tifinagh do not show."""
    missing = missing_font_files()
    if not missing:
        return []
    return [
        checks.Warning(
            f"The PDF font is missing from {font_dir()} ({', '.join(missing)}): generated documents "
            "will not show names, addresses or titles written in Arabic, Tifinagh and other non-Latin scripts.",
            hint="Install DejaVu Sans (Debian: apt-get install fonts-dejavu-core) or set URBADESK_PDF_FONT_DIR.",
            id="urbadesk.W001",
        )
    ]
