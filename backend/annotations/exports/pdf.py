"""The annotated PDF: the original plan with every annotation as a real PDF annotation.

Each annotation gets its own appearance stream (/AP), because pypdf writes none and viewers
then disagree (pdf.js draws polygons unclosed and ignores fills). Page coordinates (points
of the unrotated page, origin top-left, y down) become PDF user space here and nowhere else;
the page's /Rotate is left to the viewer, so annotations stay where they were drawn at
every rotation. Measurements carry their label and a /Measure dictionary with the scale.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from annotations import geometry as g

DEFAULT_COLOUR = "#d62828"
KAPPA = 0.5522847498  # Bézier control distance for a quarter ellipse
UNIT_LABELS = {"m": "m", "m2": "m²", "deg": "°", "count": ""}
MEASUREMENT_NAMES = {
    "distance": "Distance",
    "polyline_length": "Longueur",
    "perimeter": "Périmètre",
    "area": "Surface",
    "angle": "Angle",
    "count": "Comptage",
}


@dataclass(frozen=True)
class PageBox:
    """What converting a page point needs: the visible box in user space and UserUnit."""

    width_pt: float
    height_pt: float
    origin_x_pt: float = 0.0
    origin_y_pt: float = 0.0
    user_unit: float = 1.0

    def to_user(self, point: Sequence[float]) -> tuple[float, float]:
        x, y = g.to_pdf_user_space(
            (point[0], point[1]), height=self.height_pt, origin_x=self.origin_x_pt, origin_y=self.origin_y_pt
        )
        return x / self.user_unit, y / self.user_unit

    def from_user(self, point: Sequence[float]) -> tuple[float, float]:
        """PDF user space → page point (the inverse of `to_user`)."""
        x, y = point[0] * self.user_unit, point[1] * self.user_unit
        return x - self.origin_x_pt, self.height_pt - (y - self.origin_y_pt)


@dataclass(frozen=True)
class ExportItem:
    """One annotation as the exporter needs it (no database objects beyond this point)."""

    id: str
    page_index: int
    kind: str
    geometry: dict[str, Any]
    style: dict[str, Any]
    text: str
    author: str
    measurement_kind: str = ""
    measurement_value: float | None = None
    measurement_unit: str = ""
    metres_per_point: float | None = None
    replies: tuple[tuple[str, str], ...] = ()  # (author, body)


def _rgb(colour: Any) -> tuple[float, float, float]:
    text = str(colour or DEFAULT_COLOUR).lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return _rgb(DEFAULT_COLOUR)


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _array(values: Iterable[float]) -> ArrayObject:
    return ArrayObject(FloatObject(round(v, 4)) for v in values)


def _label(item: ExportItem) -> str:
    if not item.measurement_kind:
        return item.text
    name = MEASUREMENT_NAMES.get(item.measurement_kind, item.measurement_kind)
    if item.measurement_value is None:
        return f"{name} : page non étalonnée"
    value = f"{item.measurement_value:.2f}".replace(".", ",")
    return f"{name} : {value} {UNIT_LABELS.get(item.measurement_unit, '')}".strip() + (
        f" — {item.text}" if item.text else ""
    )


def _user_points(item: ExportItem, box: PageBox) -> list[tuple[float, float]]:
    if "points" in item.geometry:
        return [box.to_user(p) for p in item.geometry["points"]]
    if "rect" in item.geometry:
        x, y, w, h = item.geometry["rect"]
        return [box.to_user(p) for p in ((x, y), (x + w, y + h))]
    return [box.to_user(p) for stroke in item.geometry.get("strokes", []) for p in stroke]


def _rect(points: list[tuple[float, float]], margin: float) -> list[float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return [min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin]


def _path(points: Sequence[tuple[float, float]], *, close: bool) -> str:
    head, *rest = points
    ops = [f"{_num(head[0])} {_num(head[1])} m"] + [f"{_num(x)} {_num(y)} l" for x, y in rest]
    return "\n".join(ops) + ("\nh" if close else "")


def _ellipse_path(x0: float, y0: float, x1: float, y1: float) -> str:
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, abs(x1 - x0) / 2, abs(y1 - y0) / 2
    kx, ky = rx * KAPPA, ry * KAPPA
    n = _num
    return "\n".join(
        [
            f"{n(cx + rx)} {n(cy)} m",
            f"{n(cx + rx)} {n(cy + ky)} {n(cx + kx)} {n(cy + ry)} {n(cx)} {n(cy + ry)} c",
            f"{n(cx - kx)} {n(cy + ry)} {n(cx - rx)} {n(cy + ky)} {n(cx - rx)} {n(cy)} c",
            f"{n(cx - rx)} {n(cy - ky)} {n(cx - kx)} {n(cy - ry)} {n(cx)} {n(cy - ry)} c",
            f"{n(cx + kx)} {n(cy - ry)} {n(cx + rx)} {n(cy - ky)} {n(cx + rx)} {n(cy)} c",
            "h",
        ]
    )


def _arrow_head(a: tuple[float, float], b: tuple[float, float], size: float) -> str:
    angle = math.atan2(b[1] - a[1], b[0] - a[0])
    left = (b[0] - size * math.cos(angle - 0.45), b[1] - size * math.sin(angle - 0.45))
    right = (b[0] - size * math.cos(angle + 0.45), b[1] - size * math.sin(angle + 0.45))
    return _path([left, b, right], close=False)


def _escape(text: str) -> str:
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _appearance(writer: PdfWriter, bbox: list[float], content: str, *, opacity: float, font: bool = False):
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    resources = DictionaryObject()
    graphics = DictionaryObject({NameObject("/CA"): FloatObject(opacity), NameObject("/ca"): FloatObject(opacity)})
    opaque = DictionaryObject({NameObject("/CA"): FloatObject(1), NameObject("/ca"): FloatObject(1)})
    resources[NameObject("/ExtGState")] = DictionaryObject({NameObject("/GS0"): graphics, NameObject("/GS1"): opaque})
    if font:
        helvetica = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        resources[NameObject("/Font")] = DictionaryObject({NameObject("/Helv"): helvetica})
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): _array(bbox),
            NameObject("/Resources"): resources,
        }
    )
    return writer._add_object(stream)


def _measure_dictionary(item: ExportItem) -> DictionaryObject | None:
    """ISO 32000 /Measure (rectilinear): how many metres one point stands for."""
    if not item.measurement_kind or not item.metres_per_point:
        return None
    ratio = f"1 pt = {item.metres_per_point:.6g} m"

    def number_format(unit: str, factor: float) -> DictionaryObject:
        return DictionaryObject(
            {
                NameObject("/Type"): NameObject("/NumberFormat"),
                NameObject("/U"): TextStringObject(unit),
                NameObject("/C"): FloatObject(factor),
                NameObject("/D"): NumberObject(100),
            }
        )

    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Measure"),
            NameObject("/Subtype"): NameObject("/RL"),
            NameObject("/R"): TextStringObject(ratio),
            NameObject("/X"): ArrayObject([number_format("m", item.metres_per_point)]),
            NameObject("/D"): ArrayObject([number_format("m", 1.0)]),
            NameObject("/A"): ArrayObject([number_format("m²", 1.0)]),
        }
    )


SUBTYPES = {
    "note": "/Text",
    "text": "/FreeText",
    "line": "/Line",
    "arrow": "/Line",
    "polyline": "/PolyLine",
    "polygon": "/Polygon",
    "cloud": "/Polygon",
    "rectangle": "/Square",
    "stamp": "/Square",
    "highlight": "/Square",
    "ellipse": "/Circle",
    "ink": "/Ink",
}
MEASUREMENT_SUBTYPES = {
    "distance": "/Line",
    "polyline_length": "/PolyLine",
    "angle": "/PolyLine",
    "perimeter": "/Polygon",
    "area": "/Polygon",
    "count": "/Ink",
}


def _drawing(item: ExportItem, box: PageBox, width: float) -> tuple[str, list[float], DictionaryObject]:
    """The appearance's path operators, the annotation's /Rect, and its subtype's own keys."""
    points = _user_points(item, box)
    extra = DictionaryObject()
    kind = item.measurement_kind if item.kind == "measurement" else item.kind
    margin = width + 6
    if kind in ("note",):
        x, y = points[0]
        rect = [x, y - 18, x + 16, y]
        body = f"{_num(x + 1)} {_num(y - 17)} 14 16 re B"
        return body, rect, extra
    if kind == "count":
        body = "\n".join(
            f"{_num(x - 4)} {_num(y - 4)} m {_num(x + 4)} {_num(y + 4)} l {_num(x - 4)} {_num(y + 4)} m "
            f"{_num(x + 4)} {_num(y - 4)} l S"
            for x, y in points
        )
        extra[NameObject("/InkList")] = ArrayObject(_array([c for p in points for c in p]) for _ in [0])
        return body, _rect(points, margin), extra
    if "rect" in item.geometry and kind in ("rectangle", "stamp", "highlight", "ellipse", "text"):
        (x0, y1), (x1, y0) = points  # top-left then bottom-right, in user space y grows upwards
        rect = [x0, y0, x1, y1]
        if kind == "ellipse":
            return _ellipse_path(x0, y0, x1, y1) + "\nB", [x0 - margin, y0 - margin, x1 + margin, y1 + margin], extra
        if kind == "text":
            size = float(item.style.get("font_size", 12))
            lines = (_label(item) or " ").splitlines()[:40]
            text_ops = "\n".join(f"({_escape(line)}) Tj 0 {_num(-size * 1.2)} Td" for line in lines)
            r, gr, b = _rgb(item.style.get("color"))
            body = (
                f"1 1 1 rg {_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)} re f\n"
                f"{_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)} re S\n"
                f"BT /Helv {_num(size)} Tf {r:.3f} {gr:.3f} {b:.3f} rg {_num(x0 + 3)} {_num(y1 - size - 2)} Td\n"
                f"{text_ops}\nET"
            )
            extra[NameObject("/DA")] = TextStringObject(f"/Helv {_num(size)} Tf {r:.3f} {gr:.3f} {b:.3f} rg")
            return body, rect, extra
        return f"{_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)} re B", rect, extra
    if kind == "ink":
        strokes = [[box.to_user(p) for p in stroke] for stroke in item.geometry["strokes"]]
        extra[NameObject("/InkList")] = ArrayObject(_array([c for p in s for c in p]) for s in strokes)
        return "\n".join(_path(s, close=False) + "\nS" for s in strokes if len(s) > 1), _rect(points, margin), extra
    if kind in ("line", "arrow", "distance"):
        extra[NameObject("/L")] = _array([*points[0], *points[1]])
        body = _path(points, close=False) + "\nS"
        if kind == "arrow":
            extra[NameObject("/LE")] = ArrayObject([NameObject("/None"), NameObject("/OpenArrow")])
            body += "\n" + _arrow_head(points[0], points[1], 6 + width * 2) + "\nS"
        return body, _rect(points, margin), extra
    closed = kind in ("polygon", "cloud", "perimeter", "area")
    extra[NameObject("/Vertices")] = _array([c for p in points for c in p])
    if kind == "area":
        extra[NameObject("/IT")] = NameObject("/PolygonDimension")
    elif kind == "perimeter":
        extra[NameObject("/IT")] = NameObject("/PolyLineDimension")
    elif kind == "cloud":
        extra[NameObject("/BE")] = DictionaryObject(
            {NameObject("/S"): NameObject("/C"), NameObject("/I"): FloatObject(1)}
        )
    return _path(points, close=closed) + ("\nB" if closed else "\nS"), _rect(points, margin), extra


def _add(writer: PdfWriter, page_number: int, item: ExportItem, box: PageBox, stamp: str) -> None:
    width = float(item.style.get("stroke_width", 2))
    opacity = float(item.style.get("opacity", 0.35 if item.kind == "highlight" else 1))
    stroke = _rgb(item.style.get("color"))
    fill = item.style.get("fill") or ("#ffe066" if item.kind in ("note", "highlight") else None)
    body, rect, extra = _drawing(item, box, width)
    fill_rgb = _rgb(fill) if fill else None
    if fill_rgb is None:
        body = body.replace("\nB", "\nS").replace(" re B", " re S")
    prefix = f"/GS0 gs {width:.2f} w 1 J 1 j {stroke[0]:.3f} {stroke[1]:.3f} {stroke[2]:.3f} RG"
    if fill_rgb:
        prefix += f" {fill_rgb[0]:.3f} {fill_rgb[1]:.3f} {fill_rgb[2]:.3f} rg"
    font = "/DA" in extra
    if item.kind == "measurement":
        # The value is written on the plan, not only in the annotation's pop-up.
        x, y = _user_points(item, box)[0]
        label = _escape(_label(item))
        body += (
            f"\n/GS1 gs BT /Helv 10 Tf {stroke[0]:.3f} {stroke[1]:.3f} {stroke[2]:.3f} rg {_num(x + 4)} {_num(y + 4)} Td"
            f" ({label}) Tj ET"
        )
        rect = [min(rect[0], x), min(rect[1], y), max(rect[2], x + 8 + 5.5 * len(label)), max(rect[3], y + 18)]
        extra[NameObject("/DA")] = TextStringObject(f"/Helv 10 Tf {stroke[0]:.3f} {stroke[1]:.3f} {stroke[2]:.3f} rg")
        font = True
    appearance = _appearance(writer, rect, prefix + "\n" + body, opacity=opacity, font=font)
    subtype = MEASUREMENT_SUBTYPES[item.measurement_kind] if item.kind == "measurement" else SUBTYPES[item.kind]
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject(subtype),
            NameObject("/Rect"): _array(rect),
            NameObject("/Contents"): TextStringObject(_label(item)),
            NameObject("/T"): TextStringObject(item.author),
            NameObject("/NM"): TextStringObject(item.id),
            NameObject("/M"): TextStringObject(stamp),
            NameObject("/F"): NumberObject(4),
            NameObject("/C"): _array(stroke),
            NameObject("/CA"): FloatObject(opacity),
            NameObject("/BS"): DictionaryObject({NameObject("/W"): FloatObject(width)}),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): appearance}),
        }
    )
    if fill_rgb and subtype in ("/Polygon", "/Square", "/Circle"):
        annotation[NameObject("/IC")] = _array(fill_rgb)
    if (measure := _measure_dictionary(item)) is not None:
        annotation[NameObject("/Measure")] = measure
    annotation.update(extra)
    parent = writer.add_annotation(page_number, annotation)
    for author, reply in item.replies:
        writer.add_annotation(
            page_number,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Text"),
                    NameObject("/Rect"): _array([*rect[:2], rect[0] + 16, rect[1] + 16]),
                    NameObject("/Contents"): TextStringObject(reply),
                    NameObject("/T"): TextStringObject(author),
                    NameObject("/IRT"): parent.indirect_reference,
                    NameObject("/RT"): NameObject("/R"),
                    NameObject("/F"): NumberObject(4 | 2),  # print, hidden: viewers list it under its parent
                }
            ),
        )


def image_to_pdf(path: Path, pages: Sequence[PageBox]) -> io.BytesIO:
    """Place an image plan (each TIFF frame a page) on PDF pages of its size in points."""
    out = io.BytesIO()
    with Image.open(path) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.convert("RGB"))
    resolution = 72.0 * frames[0].width / pages[0].width_pt if pages else 72.0
    frames[0].save(out, format="PDF", resolution=resolution, save_all=True, append_images=frames[1:])
    out.seek(0)
    return out


@dataclass(frozen=True)
class ExportViewport:
    page_index: int
    rect: tuple[float, float, float, float]  # x, y, width, height in page points
    scale: int
    label: str = ""


def _add_viewports(writer: PdfWriter, viewports: Iterable[ExportViewport], pages: dict[int, PageBox]) -> None:
    """Page /VP entries (ISO 32000 §12.9): desktop tools measure inside them at their scale."""
    by_page: dict[int, list[DictionaryObject]] = {}
    for viewport in viewports:
        box = pages.get(viewport.page_index)
        if box is None or viewport.page_index > len(writer.pages):
            continue
        x, y, w, h = viewport.rect
        (x0, y1), (x1, y0) = box.to_user((x, y)), box.to_user((x + w, y + h))
        mpp = g.metres_per_point_for_scale(viewport.scale) * box.user_unit
        item = ExportItem(
            id="",
            page_index=0,
            kind="measurement",
            geometry={},
            style={},
            text="",
            author="",
            measurement_kind="distance",
            metres_per_point=mpp,
        )
        measure = _measure_dictionary(item)
        assert measure is not None
        measure[NameObject("/R")] = TextStringObject(f"1:{viewport.scale}")
        by_page.setdefault(viewport.page_index, []).append(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Viewport"),
                    NameObject("/BBox"): _array([x0, y0, x1, y1]),
                    NameObject("/Name"): TextStringObject(viewport.label or f"1:{viewport.scale}"),
                    NameObject("/Measure"): measure,
                }
            )
        )
    for index, entries in by_page.items():
        writer.pages[index - 1][NameObject("/VP")] = ArrayObject(entries)


def annotated_pdf(
    source: Path,
    media_type: str,
    pages: dict[int, PageBox],
    items: Iterable[ExportItem],
    viewports: Iterable[ExportViewport] = (),
) -> bytes:
    """The plan with its annotations (and its viewports' scales), as bytes of a new PDF."""
    from django.utils import timezone

    if media_type == "application/pdf":
        reader = PdfReader(str(source))
    else:
        reader = PdfReader(image_to_pdf(source, [pages[i] for i in sorted(pages)]))
    writer = PdfWriter(clone_from=reader)
    stamp = "D:" + timezone.now().astimezone(UTC).strftime("%Y%m%d%H%M%SZ")
    for item in items:
        box = pages.get(item.page_index)
        if box is None or item.page_index > len(writer.pages):
            continue
        _add(writer, item.page_index - 1, item, box, stamp)
    _add_viewports(writer, viewports, pages)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
