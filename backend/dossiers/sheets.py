"""Sheets of a plan set: what identifies each page, and which page of one version is which of another.

A reviewer comparing two versions of a plan set needs each new sheet paired with the sheet it
replaces, even when sheets were added, removed or reordered. Sheets are matched by their number
in the title block (A-101, PC3…), then by their title, then by their look (a difference hash of
the rendered page), in that order of trust. Pure functions, except `read_sheet_text`.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

# A page's look: which cells of a FINGERPRINT_SIZE × FINGERPRINT_SIZE grid hold ink. Plans are
# mostly white, so looks are compared by the share of inked cells that differ (Jaccard distance),
# not by all cells, which would make any two sparse drawings look alike.
FINGERPRINT_SIZE = 64
INK_BELOW = 248  # a cell's mean grey under this holds some line work
# Two sheets whose inked cells differ by more than this share are not the same sheet.
SAME_SHEET_MAX_DIFFERENCE = 0.6

_CODE = r"([A-Z]{0,4}\s?[-.]?\s?\d{1,3}(?:[.-]\d{1,2})?)"
_LABELLED = re.compile(
    r"\b(?:planche|plan\s*n[°o]|feuille|sheet(?:\s*no\.?)?|drawing\s*no\.?|dessin\s*n[°o]|n[°o])(?![a-z])\s*[:.]?\s*"
    + _CODE,
    re.IGNORECASE,
)
_PERMIT_PIECE = re.compile(r"\b(PCMI|PC|DP|PA|PD)\s?-?\s?(\d{1,2})\b")  # French permit pieces: PC1…PC8
_TITLE = re.compile(r"(?:titre|title|intitul[ée])\s*[:.]\s*(.+)", re.IGNORECASE)


@dataclass(frozen=True)
class Sheet:
    """What identifies one page of a version."""

    index: int
    number: str = ""
    title: str = ""
    fingerprint: str = ""  # hex of the ink map; "" when the page could not be rendered


@dataclass(frozen=True)
class SheetMatch:
    base: int | None  # page index in the newer version (None: the sheet was removed)
    other: int | None  # page index in the older version (None: the sheet is new)
    matched_by: str  # "number", "title", "content", or "" for an unmatched sheet
    difference: float | None  # share of inked cells that differ; None if unknown


def normalise(text: str) -> str:
    """Case, accents, punctuation and spacing do not distinguish two sheet names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())
    return re.sub(r"(?<=[a-z]) (?=[0-9])", "", words)  # "A-101" and "A101" are one sheet number


def sheet_identity(text: str) -> tuple[str, str]:
    """The sheet number and title found in a page's text, or empty strings."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    number, where = "", -1
    for position, line in enumerate(lines):
        found = _LABELLED.search(line)
        if found:
            number, where = re.sub(r"\s+", "", found.group(1)).upper(), position
            break
    if not number:
        for position, line in enumerate(lines):
            found = _PERMIT_PIECE.search(line)
            if found:
                number, where = f"{found.group(1)}{found.group(2)}", position
                break
    title = next((m.group(1).strip() for line in lines if (m := _TITLE.search(line))), "")
    if not title and where >= 0:
        rest = (
            _LABELLED.sub("", lines[where]) if _LABELLED.search(lines[where]) else _PERMIT_PIECE.sub("", lines[where])
        )
        rest = rest.strip(" -–—:.|")
        if sum(c.isalpha() for c in rest) >= 3:
            title = rest
        elif where + 1 < len(lines):
            title = lines[where + 1]
    return number[:40], title[:200]


def read_sheet_text(path: Path) -> dict[int, str]:
    """Each PDF page's text (1-based), as PDFium extracts it; an image plan has none. A page
    whose text cannot be read has none: the sheet is then matched by its look."""
    texts: dict[int, str] = {}
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return texts
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                texts[index + 1] = textpage.get_text_range()
                textpage.close()
            except pdfium.PdfiumError:
                continue
            finally:
                page.close()
    finally:
        document.close()
    return texts


def fingerprint(png: bytes) -> str:
    """The ink map of a rendered page (its thumbnail), as hex: one bit per grid cell."""
    with Image.open(io.BytesIO(png)) as image:
        small = image.convert("L").resize((FINGERPRINT_SIZE, FINGERPRINT_SIZE), Image.Resampling.BOX)
        bits = 0
        for grey in small.tobytes():
            bits = (bits << 1) | (grey < INK_BELOW)
    return f"{bits:0{FINGERPRINT_SIZE * FINGERPRINT_SIZE // 4}x}"


def difference(a: str, b: str) -> float | None:
    """Share of the cells inked on either page that are inked on one only (0: same look)."""
    if not a or not b or len(a) != len(b):
        return None
    x, y = int(a, 16), int(b, 16)
    either = (x | y).bit_count()
    return (x ^ y).bit_count() / either if either else 0.0


def _pair_by(key, base: list[Sheet], other: list[Sheet], how: str, pairs: list[SheetMatch]) -> None:
    """Pairs sheets whose key is present and unique on both sides; removes them from the pools."""

    def unique(sheets: list[Sheet]) -> dict[str, Sheet]:
        seen: dict[str, list[Sheet]] = {}
        for sheet in sheets:
            if value := key(sheet):
                seen.setdefault(value, []).append(sheet)
        return {value: group[0] for value, group in seen.items() if len(group) == 1}

    mine, theirs = unique(base), unique(other)
    for value in mine.keys() & theirs.keys():
        new, old = mine[value], theirs[value]
        pairs.append(SheetMatch(new.index, old.index, how, difference(new.fingerprint, old.fingerprint)))
        base.remove(new)
        other.remove(old)


def match_sheets(base: Sequence[Sheet], other: Sequence[Sheet]) -> list[SheetMatch]:
    """Pair the sheets of a newer version (`base`) with those of an older one, in the order of
    the newer set; removed sheets come last."""
    new, old = list(base), list(other)
    pairs: list[SheetMatch] = []
    _pair_by(lambda s: normalise(s.number), new, old, "number", pairs)
    _pair_by(lambda s: normalise(s.title), new, old, "title", pairs)
    candidates = sorted(
        (d, n.index, o.index)
        for n in new
        for o in old
        if (d := difference(n.fingerprint, o.fingerprint)) is not None and d <= SAME_SHEET_MAX_DIFFERENCE
    )
    taken_new: set[int] = set()
    taken_old: set[int] = set()
    for d, n_index, o_index in candidates:
        if n_index in taken_new or o_index in taken_old:
            continue
        pairs.append(SheetMatch(n_index, o_index, "content", d))
        taken_new.add(n_index)
        taken_old.add(o_index)
    pairs += [SheetMatch(s.index, None, "", None) for s in new if s.index not in taken_new]
    removed = [SheetMatch(None, s.index, "", None) for s in old if s.index not in taken_old]
    return sorted(pairs, key=lambda m: m.base or 0) + removed
