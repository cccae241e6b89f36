"""Generated plan documents with known dimensions, for the demo data and the tests.

The default sheet is A1 landscape (841 × 594 mm) with a 12 m × 8 m building outline drawn at
1:100, so a measurement tool must read 12.00 m and 8.00 m on it.
"""

from __future__ import annotations

MM_TO_PT = 72 / 25.4
A1_LANDSCAPE_MM = (841.0, 594.0)


def _pdf(objects: list[bytes]) -> bytes:
    """Serialise numbered objects (1-based, object 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def building_outline_pdf(
    *,
    width_m: float = 12.0,
    depth_m: float = 8.0,
    scale: int = 100,
    sheet_mm: tuple[float, float] = A1_LANDSCAPE_MM,
    rotate: int = 0,
    pages: int = 1,
    title: str = "Plan de masse / Site plan",
    padding_bytes: int = 0,
) -> bytes:
    """A PDF plan whose outline measures `width_m` × `depth_m` at 1:`scale`.

    `padding_bytes` adds an unreferenced stream of that size, to make large valid files for
    upload benchmarks without making them slow to render.
    """
    sheet_w, sheet_h = sheet_mm[0] * MM_TO_PT, sheet_mm[1] * MM_TO_PT
    rect_w = width_m * 1000 / scale * MM_TO_PT
    rect_h = depth_m * 1000 / scale * MM_TO_PT
    x0, y0 = (sheet_w - rect_w) / 2, (sheet_h - rect_h) / 2
    label = f"{title} - 1:{scale} - {width_m:g} m x {depth_m:g} m".encode("latin-1", "replace")
    content = (
        b"2 w 0 0 0 RG\n"
        + f"{x0:.3f} {y0:.3f} {rect_w:.3f} {rect_h:.3f} re S\n".encode()
        + f"BT /F1 24 Tf 56.7 56.7 Td ({label.decode('latin-1')}) Tj ET\n".encode("latin-1")
    )
    page_numbers = [4 + 2 * i for i in range(pages)]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{n} 0 R' for n in page_numbers)}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for number in page_numbers:
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {sheet_w:.3f} {sheet_h:.3f}] /Rotate {rotate} "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {number + 1} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream")
    if padding_bytes:
        objects.append(f"<< /Length {padding_bytes} >>\nstream\n".encode() + b"\0" * padding_bytes + b"\nendstream")
    return _pdf(objects)
