"""XFDF, Adobe's exchange format for annotations: export, and import from desktop tools.

XFDF speaks PDF user space (origin bottom-left, y up) and 0-based page numbers; the page
boxes convert both ways (exports.pdf.PageBox).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from annotations.exports.pdf import MEASUREMENT_NAMES, ExportItem, PageBox, _label, _rgb

NS = "http://ns.adobe.com/xfdf/"
ELEMENTS = {
    "note": "text",
    "text": "freetext",
    "line": "line",
    "arrow": "line",
    "polyline": "polyline",
    "polygon": "polygon",
    "cloud": "polygon",
    "rectangle": "square",
    "stamp": "square",
    "highlight": "square",
    "ellipse": "circle",
    "ink": "ink",
}
MEASUREMENT_ELEMENTS = {
    "distance": "line",
    "polyline_length": "polyline",
    "angle": "polyline",
    "perimeter": "polygon",
    "area": "polygon",
    "count": "ink",
}
# The intents of ISO 32000 (12.5.6.7–9) that desktop tools (Acrobat, Bluebeam, Apryse) write on
# measurement markups; angle and count have no standard intent, so the subject names them.
INTENTS = {
    "distance": "LineDimension",
    "polyline_length": "PolyLineDimension",
    "perimeter": "PolyLineDimension",
    "area": "PolygonDimension",
}
SUBJECTS = {"angle": "Angle", "count": "Count"}
# Lengths a desktop tool may calibrate in, in metres.
UNIT_METRES = {"m": 1.0, "cm": 0.01, "mm": 0.001, "km": 1000.0, "in": 0.0254, "ft": 0.3048, "yd": 0.9144}
IMPORTED_KINDS = {
    "square": "rectangle",
    "circle": "ellipse",
    "polygon": "polygon",
    "polyline": "polyline",
    "ink": "ink",
    "freetext": "text",
    "text": "note",
    "line": "line",
}


class XfdfError(ValueError):
    """The XFDF cannot be imported; the message says why."""


def _hex(colour: Any) -> str:
    r, g, b = _rgb(colour)
    return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"


def _pairs(points: Iterable[tuple[float, float]]) -> str:
    return ";".join(f"{x:.3f},{y:.3f}" for x, y in points)


def to_xfdf(items: Iterable[ExportItem], pages: dict[int, PageBox]) -> bytes:
    root = Element("xfdf", {"xmlns": NS, "xml:space": "preserve"})
    annots = SubElement(root, "annots")
    for item in items:
        box = pages.get(item.page_index)
        if box is None:
            continue
        tag = MEASUREMENT_ELEMENTS[item.measurement_kind] if item.kind == "measurement" else ELEMENTS[item.kind]
        user = [box.to_user(p) for p in item.geometry.get("points", [])]
        strokes = [[box.to_user(p) for p in s] for s in item.geometry.get("strokes", [])]
        if "rect" in item.geometry:
            x, y, w, h = item.geometry["rect"]
            user = [box.to_user((x, y + h)), box.to_user((x + w, y))]
        every = user + [p for s in strokes for p in s]
        xs, ys = [p[0] for p in every], [p[1] for p in every]
        if tag == "text":  # a note's icon hangs from its point
            xs, ys = [xs[0], xs[0] + 16], [ys[0] - 18, ys[0]]
        attributes = {
            "page": str(item.page_index - 1),
            "name": item.id,
            "title": item.author,
            "rect": f"{min(xs):.3f},{min(ys):.3f},{max(xs):.3f},{max(ys):.3f}",
            "color": _hex(item.style.get("color")),
            "width": str(item.style.get("stroke_width", 2)),
            "opacity": str(item.style.get("opacity", 1)),
        }
        if item.style.get("fill"):
            attributes["interior-color"] = _hex(item.style["fill"])
        if tag == "line":
            attributes["start"], attributes["end"] = (f"{x:.3f},{y:.3f}" for x, y in user[:2])
            if item.kind == "arrow":
                attributes["head"] = "OpenArrow"
        element = SubElement(annots, tag, attributes)
        if tag in ("polygon", "polyline"):
            SubElement(element, "vertices").text = _pairs(user)
        if tag == "ink":
            inklist = SubElement(element, "inklist")
            for stroke in strokes or [user]:
                SubElement(inklist, "gesture").text = _pairs(stroke)
        SubElement(element, "contents").text = _label(item)
        if item.kind == "measurement":
            _write_measure(element, item)
        for number, (author, body) in enumerate(item.replies):
            reply = SubElement(
                annots,
                "text",
                {
                    "page": str(item.page_index - 1),
                    "name": f"{item.id}-r{number}",
                    "title": author,
                    "rect": attributes["rect"],
                    "inreplyto": item.id,
                    "replyType": "reply",
                },
            )
            SubElement(reply, "contents").text = body
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8")


def _write_measure(element: Element, item: ExportItem) -> None:
    """The measurement's intent and, when the page is calibrated, its scale as XFDF <measure>
    (the XML form of the PDF /Measure dictionary: one point is `factor` metres)."""
    if item.measurement_kind in INTENTS:
        element.set("IT", INTENTS[item.measurement_kind])
    element.set("subject", SUBJECTS.get(item.measurement_kind, MEASUREMENT_NAMES[item.measurement_kind]))
    if not item.metres_per_point:
        return
    measure = SubElement(element, "measure", {"rateValue": f"1 pt = {item.metres_per_point:.6g} m"})
    number = {"precision": "0.01", "display": "D", "decimalSymbol": ".", "thousandsSymbol": ""}
    SubElement(measure, "axis", {"factor": f"{item.metres_per_point:.9g}", "unit": "m", **number})
    SubElement(measure, "distance", {"factor": "1", "unit": "m", **number})
    SubElement(measure, "area", {"factor": "1", "unit": "sq m", **number})


@dataclass
class ParsedAnnotation:
    page_index: int
    kind: str
    geometry: dict[str, Any]
    style: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    name: str = ""
    measurement_kind: str = ""
    metres_per_point: float | None = None  # the scale the desktop tool measured with, if it said


@dataclass
class ParsedReply:
    """A reply in a markup's thread (XFDF `inreplyto`), kept as a comment on a remark."""

    parent: str
    author: str
    body: str
    name: str = ""  # a reply may itself be answered: its children name it


@dataclass
class ParsedXfdf:
    annotations: list[ParsedAnnotation]
    replies: list[ParsedReply]
    skipped: int  # markups Urbadesk does not draw


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _numbers(raw: str | None, what: str) -> list[float]:
    try:
        values = [float(v) for v in (raw or "").replace(";", ",").split(",") if v.strip()]
    except ValueError:
        raise XfdfError(_("The %(what)s of an annotation are not numbers.") % {"what": what}) from None
    if not all(math.isfinite(v) for v in values):
        raise XfdfError(_("The %(what)s of an annotation are not numbers.") % {"what": what})
    return values


def _points(raw: str | None, box: PageBox) -> list[list[float]]:
    values = _numbers(raw, "vertices")
    if len(values) % 2:
        raise XfdfError(_("A vertex list has an odd number of coordinates."))
    return [list(box.from_user((values[i], values[i + 1]))) for i in range(0, len(values), 2)]


def _measurement_kind(tag: str, element: Element) -> str:
    """Which measurement a desktop markup is, from its intent (or our subject), else ''."""
    intent = (element.get("IT") or element.get("intent") or "").lstrip("/")
    subject = element.get("subject") or ""
    if tag == "line" and intent == "LineDimension":
        return "distance"
    if tag == "polyline" and intent == "PolyLineDimension":
        return "polyline_length"
    if tag == "polygon" and intent == "PolyLineDimension":
        return "perimeter"
    if tag == "polygon" and intent == "PolygonDimension":
        return "area"
    # Desktop tools name them "Count Measurement", "Angle"…: the word is enough.
    if tag == "polyline" and "angle" in subject.lower():
        return "angle"
    if tag == "ink" and "count" in subject.lower():
        return "count"
    return ""


def _measured_scale(element: Element) -> float | None:
    """Metres per point from a markup's <measure><axis factor unit>, when the unit is a length."""
    measure = next((c for c in element if _local(c.tag) == "measure"), None)
    axis = next((c for c in measure if _local(c.tag) == "axis"), None) if measure is not None else None
    if axis is None:
        return None
    unit = UNIT_METRES.get((axis.get("unit") or "").strip().lower())
    try:
        factor = float(axis.get("factor", ""))
    except ValueError:
        return None
    return factor * unit if unit and math.isfinite(factor) and factor > 0 else None


def _measurement_text(contents: str) -> str:
    """A measurement's contents is its label ("Area : 96,00 m² — Salon"); the value is ours to
    recompute, so only the user's words after the dash are kept."""
    return contents.split(" — ", 1)[1].strip() if " — " in contents else ""


def _geometry(tag: str, element: Element, rect: list[float], box: PageBox) -> dict[str, Any]:
    if tag in ("square", "circle", "freetext"):
        if len(rect) != 4:
            raise XfdfError(_("A rectangle annotation needs a rect of four numbers."))
        (x0, y0), (x1, y1) = box.from_user(rect[0:2]), box.from_user(rect[2:4])
        return {"rect": [min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)]}
    if tag == "text":
        if len(rect) != 4:
            raise XfdfError(_("A note needs a rect of four numbers."))
        return {"points": [list(box.from_user((rect[0], rect[3])))]}
    if tag == "line":
        return {"points": _points(f"{element.get('start')};{element.get('end')}", box)}
    if tag == "ink":
        gestures = [g for inklist in element if _local(inklist.tag) == "inklist" for g in inklist]
        return {"strokes": [_points(g.text, box) for g in gestures]}
    vertices = next((c.text for c in element if _local(c.tag) == "vertices"), None)
    return {"points": _points(vertices, box)}


def _reply(element: Element) -> ParsedReply:
    contents = next((c.text or "" for c in element if _local(c.tag) == "contents"), "")
    return ParsedReply(
        element.get("inreplyto") or "", element.get("title") or "", contents.strip(), element.get("name") or ""
    )


def _markup(tag: str, element: Element, pages: dict[int, PageBox]) -> ParsedAnnotation:
    try:
        page_index = int(element.get("page", "")) + 1
    except ValueError:
        raise XfdfError(_("An annotation has no valid page number.")) from None
    box = pages.get(page_index)
    if box is None:
        raise XfdfError(_("An annotation is on page %(page)d, which this plan does not have.") % {"page": page_index})
    rect = _numbers(element.get("rect"), "rect")
    contents = next((c.text or "" for c in element if _local(c.tag) == "contents"), "")
    width = _numbers(element.get("width") or "2", "width")
    if len(width) != 1 or not (0 < width[0] <= 100):
        raise XfdfError(_("An annotation's width must be a number from 0 to 100."))
    style = {"color": element.get("color") or None, "stroke_width": width[0]}
    if element.get("interior-color"):
        style["fill"] = element.get("interior-color")
    geometry = _geometry(tag, element, rect, box)
    measurement_kind = _measurement_kind(tag, element)
    kind = "measurement" if measurement_kind else IMPORTED_KINDS[tag]
    if tag == "line" and not measurement_kind and (element.get("head") or "").lower().endswith("arrow"):
        kind = "arrow"
    if measurement_kind == "count":
        # One mark per gesture (desktop tools draw each counted item as a small gesture: its
        # centre); a single gesture is a list of marks (as Urbadesk exports them).
        strokes = [stroke for stroke in geometry["strokes"] if stroke]
        if len(strokes) == 1:
            geometry = {"points": strokes[0]}
        else:
            geometry = {
                "points": [[sum(p[0] for p in st) / len(st), sum(p[1] for p in st) / len(st)] for st in strokes]
            }
    return ParsedAnnotation(
        page_index,
        kind,
        geometry,
        {k: v for k, v in style.items() if v},
        _measurement_text(contents) if measurement_kind else contents,
        name=element.get("name") or "",
        measurement_kind=measurement_kind,
        metres_per_point=_measured_scale(element) if measurement_kind else None,
    )


def parse_xfdf(data: bytes, pages: dict[int, PageBox]) -> ParsedXfdf:
    """The markups of an XFDF document in page coordinates, their replies, and how many entries
    were skipped (kinds Urbadesk does not draw). Raises XfdfError for a malformed document."""
    try:
        root = SafeTree.fromstring(data)
    except (SafeTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise XfdfError(_("This is not a well-formed XFDF document (%(error)s).") % {"error": exc}) from exc
    if _local(root.tag) != "xfdf":
        raise XfdfError(_("The document's root element is not <xfdf>."))
    result = ParsedXfdf([], [], 0)
    annots = next((child for child in root if _local(child.tag) == "annots"), None)
    for element in list(annots) if annots is not None else []:
        tag = _local(element.tag)
        # A "group" reply is a markup grouped with another, not a message: it is imported as a markup.
        if element.get("inreplyto") and (element.get("replyType") or "reply").lower() != "group":
            result.replies.append(_reply(element))
        elif tag in IMPORTED_KINDS:
            result.annotations.append(_markup(tag, element, pages))
        else:
            result.skipped += 1
    return result
