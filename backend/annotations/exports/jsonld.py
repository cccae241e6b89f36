"""W3C Web Annotation (JSON-LD) export, for systems that speak the open standard.

Each annotation targets its page with a PDF fragment (RFC 3778: `page=N&viewrect=…`, in
points from the top-left, which is our own page coordinate system) refined by an SVG
selector drawing its shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

from annotations.exports.pdf import ExportItem, _label

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {"measurement": "assessing", "highlight": "highlighting", "note": "commenting", "text": "commenting"}


def _bounds(item: ExportItem) -> tuple[float, float, float, float]:
    if "rect" in item.geometry:
        x, y, w, h = item.geometry["rect"]
        return x, y, w, h
    points = item.geometry.get("points") or [p for s in item.geometry.get("strokes", []) for p in s]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def _svg(item: ExportItem) -> str:
    def pts(points: Iterable[Any]) -> str:
        return quoteattr(" ".join(f"{x:.2f},{y:.2f}" for x, y in points))

    g = item.geometry
    if "rect" in g:
        x, y, w, h = g["rect"]
        if item.kind == "ellipse":
            shape = f'<ellipse cx="{x + w / 2:.2f}" cy="{y + h / 2:.2f}" rx="{w / 2:.2f}" ry="{h / 2:.2f}"/>'
        else:
            shape = f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}"/>'
    elif "strokes" in g:
        shape = "".join(f"<polyline points={pts(s)}/>" for s in g["strokes"])
    elif item.kind in ("polygon", "cloud") or item.measurement_kind in ("area", "perimeter"):
        shape = f"<polygon points={pts(g['points'])}/>"
    elif len(g.get("points", [])) == 1:
        x, y = g["points"][0]
        shape = f'<circle cx="{x:.2f}" cy="{y:.2f}" r="4"/>'
    else:
        shape = f"<polyline points={pts(g['points'])}/>"
    return f'<svg xmlns="http://www.w3.org/2000/svg">{shape}</svg>'


def to_web_annotations(items: Iterable[ExportItem], *, source: str, collection_id: str) -> dict[str, Any]:
    entries = []
    for item in items:
        x, y, w, h = _bounds(item)
        body = [{"type": "TextualBody", "value": _label(item), "format": "text/plain", "language": "fr"}]
        body += [
            {"type": "TextualBody", "value": text, "purpose": "replying", "creator": {"type": "Person", "name": who}}
            for who, text in item.replies
        ]
        entries.append(
            {
                "id": f"urn:uuid:{item.id}",
                "type": "Annotation",
                "motivation": MOTIVATIONS.get(item.kind, "commenting"),
                "creator": {"type": "Person", "name": item.author},
                "body": body,
                "target": {
                    "source": source,
                    "selector": {
                        "type": "FragmentSelector",
                        "conformsTo": "http://tools.ietf.org/rfc/rfc3778",
                        "value": f"page={item.page_index}&viewrect={x:.2f},{y:.2f},{w:.2f},{h:.2f}",
                        "refinedBy": {"type": "SvgSelector", "value": _svg(item)},
                    },
                },
            }
        )
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "total": len(entries),
        "first": {"type": "AnnotationPage", "items": entries},
    }
