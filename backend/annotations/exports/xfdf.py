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

from annotations.exports.pdf import ExportItem, PageBox, _label, _rgb

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


@dataclass
class ParsedAnnotation:
    page_index: int
    kind: str
    geometry: dict[str, Any]
    style: dict[str, Any] = field(default_factory=dict)
    text: str = ""


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


def parse_xfdf(data: bytes, pages: dict[int, PageBox]) -> tuple[list[ParsedAnnotation], int]:
    """The annotations of an XFDF document in page coordinates, and how many were skipped
    (replies and kinds Urbadesk does not draw). Raises XfdfError for a malformed document."""
    try:
        root = SafeTree.fromstring(data)
    except (SafeTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise XfdfError(_("This is not a well-formed XFDF document (%(error)s).") % {"error": exc}) from exc
    if _local(root.tag) != "xfdf":
        raise XfdfError(_("The document's root element is not <xfdf>."))
    parsed: list[ParsedAnnotation] = []
    skipped = 0
    annots = next((child for child in root if _local(child.tag) == "annots"), None)
    for element in list(annots) if annots is not None else []:
        tag = _local(element.tag)
        if tag not in IMPORTED_KINDS or element.get("inreplyto"):
            skipped += 1
            continue
        try:
            page_index = int(element.get("page", "")) + 1
        except ValueError:
            raise XfdfError(_("An annotation has no valid page number.")) from None
        box = pages.get(page_index)
        if box is None:
            raise XfdfError(
                _("An annotation is on page %(page)d, which this plan does not have.") % {"page": page_index}
            )
        rect = _numbers(element.get("rect"), "rect")
        contents = next((c.text or "" for c in element if _local(c.tag) == "contents"), "")
        width = _numbers(element.get("width") or "2", "width")
        if len(width) != 1 or not (0 < width[0] <= 100):
            raise XfdfError(_("An annotation's width must be a number from 0 to 100."))
        style = {"color": element.get("color") or None, "stroke_width": width[0]}
        if element.get("interior-color"):
            style["fill"] = element.get("interior-color")
        kind = IMPORTED_KINDS[tag]
        if tag in ("square", "circle", "freetext"):
            if len(rect) != 4:
                raise XfdfError(_("A rectangle annotation needs a rect of four numbers."))
            (x0, y0), (x1, y1) = box.from_user(rect[0:2]), box.from_user(rect[2:4])
            geometry = {"rect": [min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)]}
        elif tag == "text":
            if len(rect) != 4:
                raise XfdfError(_("A note needs a rect of four numbers."))
            geometry = {"points": [list(box.from_user((rect[0], rect[3])))]}
        elif tag == "line":
            geometry = {"points": _points(f"{element.get('start')};{element.get('end')}", box)}
            if (element.get("head") or "").lower().endswith("arrow"):
                kind = "arrow"
        elif tag == "ink":
            gestures = [g for inklist in element if _local(inklist.tag) == "inklist" for g in inklist]
            geometry = {"strokes": [_points(g.text, box) for g in gestures]}
        else:
            vertices = next((c.text for c in element if _local(c.tag) == "vertices"), None)
            geometry = {"points": _points(vertices, box)}
        parsed.append(ParsedAnnotation(page_index, kind, geometry, {k: v for k, v in style.items() if v}, contents))
    return parsed, skipped
