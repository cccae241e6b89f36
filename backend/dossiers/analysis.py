"""What a plan file is: its type by content, its pages and their sizes, and thumbnails.

Pure functions over a seekable local file; no database, no storage. Each refusal raises
`FileRefused` with a message that tells a person what is wrong and what to do.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pypdfium2 as pdfium
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageSequence, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
ACCEPTED = (PDF, PNG, JPEG, TIFF)
_PIL_FORMATS = {"PNG": PNG, "JPEG": JPEG, "TIFF": TIFF}

FILE_EMPTY = _("The file is empty.")
FILE_TYPE_REFUSED = _("The file is not a PDF, PNG, JPEG or TIFF document (checked by its content).")
PDF_HEADER_NOT_FIRST = _(
    "The file holds a PDF that does not start at its first byte: it is at once a PDF and something else "
    "(a web page, an image, an archive…). Export or print the plan again to a plain PDF."
)
POLYGLOT_ARCHIVE = _(
    "The file is at once a plan and an archive (a ZIP, JAR or Office file is hidden at its end). "
    "Export the plan again to a plain file."
)
PDF_INCOMPLETE = _("The PDF is incomplete (its end is missing): the upload or the export was cut short.")
PDF_ENCRYPTED = _("The PDF is encrypted or password-protected; export an unprotected copy and upload it.")
PDF_NO_PAGES = _("The PDF has no pages.")
PDF_TOO_MANY_PAGES = _("The PDF has %(count)d pages; the limit is %(limit)d. Split it into several plans.")
PDF_PAGE_COUNT_MISMATCH = _(
    "The PDF's page tree is inconsistent: it announces %(declared)s pages but holds %(count)d. Export it again."
)
PDF_DAMAGED = _("The PDF is damaged and cannot be read (%(error)s).")
PDF_TOO_COMPLEX = _(
    "The PDF's structure is too large to check (more than %(limit)d objects besides its drawings). "
    "Export it again or split it into several plans."
)
PDF_JAVASCRIPT = _(
    "The PDF contains JavaScript, which a plan may not carry: it could run on the computer of whoever opens it. "
    "Print or export the plan again to a plain PDF, without scripts."
)
PDF_EXTERNAL_ACTION = _(
    "The PDF contains an action that opens other files or programs or sends data away (%(action)s), which a "
    "plan may not carry. Print or export the plan again to a plain PDF."
)
PDF_EMBEDDED_FILES = _(
    "The PDF contains embedded files (attachments), which a plan may not carry. Send each document on its own, "
    "and the plan as a plain PDF."
)
PDF_XFA_FORM = _(
    "The PDF is an XFA form, which cannot be checked or shown reliably. Print or export the plan again to a plain PDF."
)
PAGE_ROTATION_REFUSED = _("Page %(index)d has a rotation that is not a quarter turn.")
PAGE_BOX_EMPTY = _("Page %(index)d has an empty page box.")
IMAGE_BOMB = _("The image is too large to process (decompression bomb protection).")
IMAGE_DAMAGED = _("The image is damaged and cannot be read.")
IMAGE_TOO_MANY_PIXELS = _("The image has %(pixels)d pixels; the limit is %(limit)d (decompression bomb protection).")
IMAGE_FORMAT_REFUSED = _("The image format %(format)s is not accepted.")
IMAGE_TOO_MANY_PAGES = _("The image has more than %(limit)d pages.")
IMAGE_PAGE_TOO_LARGE = _("Page %(index)d of the image is too large to process.")
PDF_RENDER_FAILED = _("The PDF cannot be rendered (%(error)s).")

# Containers (dictionaries and arrays) the active-content check may visit; drawings are skipped.
MAX_PDF_STRUCTURE_NODES = 250_000
# pypdf looks for an object that is not where the xref table says by searching the whole file; a
# file that refers to thousands of missing objects kept a request busy for minutes. The bytes it
# may search so for one file (and at least a few searches, whatever its size):
PDF_REPAIR_SEARCH_BUDGET = 64 << 20
PDF_MIN_REPAIRS = 4


class FileRefused(Exception):
    """The file cannot be a plan version; `str(exc)` is shown to the person who sent it."""


def _refused(message: Any, **params: Any) -> FileRefused:
    """A FileRefused with the message translated now, in the language of the request or job."""
    return FileRefused(str(message) % params if params else str(message))


@dataclass(frozen=True)
class PageFacts:
    index: int
    width_pt: float
    height_pt: float
    origin_x_pt: float = 0.0
    origin_y_pt: float = 0.0
    rotation: int = 0
    user_unit: float = 1.0


@dataclass(frozen=True)
class FileFacts:
    media_type: str
    pages: tuple[PageFacts, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


_PDF_MAGIC = b"%PDF-"
_LEADING_WHITESPACE = b" \t\r\n\f"
_ZIP_END_RECORD = b"PK\x05\x06"
_ZIP_CENTRAL_ENTRY = b"PK\x01\x02"
_ZIP_END_SIZE = 22


def sniff_media_type(head: bytes) -> str | None:
    """The media type from the first bytes (magic numbers), whatever the file is called.

    A PDF must start with its header (after blank space at most): readers also accept one
    anywhere in the first kilobyte, which lets a file be a web page or an image as well.
    """
    if head.lstrip(_LEADING_WHITESPACE).startswith(_PDF_MAGIC):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    return None


def inspect_file(stream: BinaryIO, *, max_pages: int, max_pixels: int) -> FileFacts:
    """Check a file by content and structure and describe its pages; raises FileRefused."""
    stream.seek(0)
    head = stream.read(1024)
    if not head:
        raise _refused(FILE_EMPTY)
    media_type = sniff_media_type(head)
    if media_type != PDF and _PDF_MAGIC in head:
        raise _refused(PDF_HEADER_NOT_FIRST)  # a PDF reader would open what this file hides
    if media_type is None:
        raise _refused(FILE_TYPE_REFUSED)
    if _ends_with_archive(stream):
        raise _refused(POLYGLOT_ARCHIVE)
    stream.seek(0)
    if media_type == PDF:
        return FileFacts(PDF, _inspect_pdf(stream, max_pages=max_pages))
    return FileFacts(media_type, _inspect_image(stream, max_pixels=max_pixels, max_pages=max_pages))


def _ends_with_archive(stream: BinaryIO) -> bool:
    """Whether a ZIP archive (or a JAR, or an Office file) ends the file: an end-of-archive
    record in the last 64 KiB whose central directory is really there."""
    size = stream.seek(0, io.SEEK_END)
    window = min(size, _ZIP_END_SIZE + 0xFFFF + 1024)
    stream.seek(size - window)
    tail = stream.read(window)
    at = tail.rfind(_ZIP_END_RECORD)
    while at >= 0:
        record = tail[at : at + _ZIP_END_SIZE]
        if len(record) == _ZIP_END_SIZE:
            entries, directory_size, _offset, comment = struct.unpack("<10xHIIH", record)
            directory = size - window + at - directory_size
            if entries and directory >= 0 and at + _ZIP_END_SIZE + comment <= len(tail):
                stream.seek(directory)
                if stream.read(4) == _ZIP_CENTRAL_ENTRY:
                    return True
        at = tail.rfind(_ZIP_END_RECORD, 0, at)
    return False


class _BoundedReader(PdfReader):
    """pypdf's reader, with a bound on its repairs.

    When an object is not where the xref table says, pypdf searches the whole file for it.
    A file can refer to thousands of objects that do not exist, and each search reads the
    file again: past a budget of bytes read that way, the file is damaged.
    """

    def __init__(self, stream: BinaryIO, *, size: int) -> None:
        self._repairs_left = max(PDF_MIN_REPAIRS, PDF_REPAIR_SEARCH_BUDGET // max(size, 1))
        super().__init__(stream, strict=False)

    def get_object(self, indirect_reference: int | IndirectObject) -> Any:
        reference = (
            indirect_reference
            if isinstance(indirect_reference, IndirectObject)
            else IndirectObject(indirect_reference, 0, self)
        )
        key = (reference.generation, reference.idnum)
        if key not in self.resolved_objects and not self._listed(reference):
            self._repairs_left -= 1
            if self._repairs_left < 0:
                raise LimitReachedError("too many objects missing from the cross-reference table")
        return super().get_object(indirect_reference)

    def _listed(self, reference: IndirectObject) -> bool:
        """Whether the xref table says where the object is, and it is there."""
        if reference.generation == 0 and reference.idnum in self.xref_objStm:
            return True
        offset = self.xref.get(reference.generation, {}).get(reference.idnum)
        if offset is None:
            return False
        if self.xref_free_entry.get(reference.generation, {}).get(reference.idnum, False):
            return True
        here = self.stream.tell()
        try:
            self.stream.seek(offset)
            found = re.match(rb"\s*(\d+)\s+(\d+)\s+obj", self.stream.read(40))
        finally:
            self.stream.seek(here)
        return found is not None and (int(found[1]), int(found[2])) == (reference.idnum, reference.generation)


def _inspect_pdf(stream: BinaryIO, *, max_pages: int) -> tuple[PageFacts, ...]:
    end = stream.seek(0, io.SEEK_END)
    stream.seek(max(0, end - 2048))
    if b"%%EOF" not in stream.read():
        raise _refused(PDF_INCOMPLETE)
    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _BoundedReader(stream, size=end)
            if reader.is_encrypted:
                raise _refused(PDF_ENCRYPTED)
            count = len(reader.pages)
            if count == 0:
                raise _refused(PDF_NO_PAGES)
            if count > max_pages:
                raise _refused(PDF_TOO_MANY_PAGES, count=count, limit=max_pages)
            declared = _value(reader.trailer["/Root"]["/Pages"], "/Count")
            if declared is not None and declared != count:
                # PDFium believes /Count, pypdf counts the pages: they would see different documents.
                raise _refused(PDF_PAGE_COUNT_MISMATCH, declared=declared, count=count)
            _refuse_active_content(reader)
            return tuple(_pdf_page_facts(index, page) for index, page in enumerate(reader.pages, start=1))
    except FileRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise _refused(PDF_DAMAGED, error=type(exc).__name__) from exc


# What a PDF holds that may act on the computer that opens it, found by walking the document's
# structure from its catalog. The drawings (content streams and their resources), appearance
# streams and back-pointers are skipped: no action lives there, and they are most of a plan.
_NOT_WALKED = frozenset(
    {
        "/Parent",
        "/P",
        "/Resources",
        "/Contents",
        "/AP",
        "/DR",
        "/Metadata",
        "/Thumb",
        "/StructTreeRoot",
        "/SE",
        "/PieceInfo",
        "/OCProperties",
        "/Font",
        "/XObject",
        "/ColorSpace",
        "/Pattern",
        "/Shading",
        "/ExtGState",
        "/Properties",
    }
)
# Keys found only in a JavaScript action and in a file specification that embeds its file. (The
# catalog's /JavaScript and /EmbeddedFiles name trees are walked into, so an empty one passes.)
_SCRIPT_KEYS = frozenset({"/JS"})
_EMBEDDED_KEYS = frozenset({"/EF"})
_EXTERNAL_ACTIONS = frozenset({"/Launch", "/ImportData", "/SubmitForm", "/GoToE", "/RichMediaExecute"})
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
_FILE_SCHEMES = ("file:",)


def _refuse_active_content(reader: PdfReader) -> None:
    """Refuse scripts, actions that reach outside the document, embedded files and XFA forms."""
    seen: set[tuple[int, int]] = set()
    pending: list[Any] = [reader.trailer.raw_get("/Root")]
    visited = 0
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            _check_dictionary(node)
            children = [value for key, value in dict.items(node) if key not in _NOT_WALKED]
        elif isinstance(node, ArrayObject):
            children = list(node)
        else:
            continue
        visited += 1
        if visited > MAX_PDF_STRUCTURE_NODES:
            raise _refused(PDF_TOO_COMPLEX, limit=MAX_PDF_STRUCTURE_NODES)
        pending.extend(
            child for child in children if isinstance(child, (IndirectObject, DictionaryObject, ArrayObject))
        )


def _value(node: DictionaryObject, key: str) -> Any:
    """The value under `key`, an indirect one resolved (DictionaryObject.get does not)."""
    value = dict.get(node, key)
    return value.get_object() if isinstance(value, IndirectObject) else value


def _check_dictionary(node: DictionaryObject) -> None:
    keys = node.keys()
    action = _value(node, "/S")
    if keys & _SCRIPT_KEYS or action == "/JavaScript":
        raise _refused(PDF_JAVASCRIPT)
    if action in _EXTERNAL_ACTIONS:
        raise _refused(PDF_EXTERNAL_ACTION, action=str(action)[1:])
    if action == "/URI":
        target = _value(node, "/URI")
        text = target.decode("latin-1") if isinstance(target, bytes) else str(target or "")
        scheme = re.sub(r"[\x00-\x20]", "", text).lower()  # browsers ignore blanks in a scheme
        if scheme.startswith(_SCRIPT_SCHEMES):
            raise _refused(PDF_JAVASCRIPT)
        if scheme.startswith(_FILE_SCHEMES):
            raise _refused(PDF_EXTERNAL_ACTION, action="URI file:")
    if (
        keys & _EMBEDDED_KEYS
        or _value(node, "/Type") == "/EmbeddedFile"
        or _value(node, "/Subtype") in ("/FileAttachment", "/RichMedia")
    ):
        raise _refused(PDF_EMBEDDED_FILES)
    if "/XFA" in keys:
        raise _refused(PDF_XFA_FORM)


def _pdf_page_facts(index: int, page) -> PageFacts:
    box = page.cropbox
    unit = float(page.user_unit or 1)
    rotation = int(page.rotation or 0) % 360
    if rotation % 90:
        raise _refused(PAGE_ROTATION_REFUSED, index=index)
    width, height = float(box.width) * unit, float(box.height) * unit
    if width <= 0 or height <= 0:
        raise _refused(PAGE_BOX_EMPTY, index=index)
    return PageFacts(
        index=index,
        width_pt=width,
        height_pt=height,
        origin_x_pt=float(box.left) * unit,
        origin_y_pt=float(box.bottom) * unit,
        rotation=rotation,
        user_unit=unit,
    )


def _open_image(stream: BinaryIO, *, max_pixels: int) -> Image.Image:
    stream.seek(0)
    try:
        image = Image.open(stream)
    except Image.DecompressionBombError as exc:
        raise _refused(IMAGE_BOMB) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _refused(IMAGE_DAMAGED) from exc
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > max_pixels:
        raise _refused(IMAGE_TOO_MANY_PIXELS, pixels=width * height, limit=max_pixels)
    return image


def _inspect_image(stream: BinaryIO, *, max_pixels: int, max_pages: int) -> tuple[PageFacts, ...]:
    image = _open_image(stream, max_pixels=max_pixels)
    if image.format not in _PIL_FORMATS:
        raise _refused(IMAGE_FORMAT_REFUSED, format=image.format)
    pages: list[PageFacts] = []
    try:
        for index, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if index > max_pages:
                raise _refused(IMAGE_TOO_MANY_PAGES, limit=max_pages)
            width, height = frame.size
            if width * height > max_pixels:
                raise _refused(IMAGE_PAGE_TOO_LARGE, index=index)
            dpi_x, dpi_y = _dpi(frame)
            pages.append(PageFacts(index=index, width_pt=width / dpi_x * 72, height_pt=height / dpi_y * 72))
        stream.seek(0)
        with Image.open(stream) as check:
            check.verify()  # checksums and structure, without decoding every pixel
    except FileRefused:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise _refused(IMAGE_DAMAGED) from exc
    return tuple(pages)


def _dpi(image: Image.Image) -> tuple[float, float]:
    """Pixels per inch as declared by the file; 72 when absent, so 1 pixel is 1 point."""
    dpi = image.info.get("dpi")
    try:
        x, y = float(dpi[0]), float(dpi[1])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return 72.0, 72.0
    return (x if x >= 1 else 72.0), (y if y >= 1 else 72.0)


def render_thumbnails(
    path: Path, facts: FileFacts, *, size: int, max_pixels: int
) -> Iterator[tuple[int, bytes, int, int]]:
    """Yield (page index, PNG bytes, width, height) with the longer side at most `size` px.

    Whatever the renderer cannot do with the file raises FileRefused, so the worker rejects
    the version with a reason instead of failing (and leaving it `processing` for ever).
    """
    if facts.media_type == PDF:
        yield from _pdf_thumbnails(path, size=size)
    else:
        yield from _image_thumbnails(path, size=size, max_pixels=max_pixels)


def _png(image: Image.Image) -> tuple[bytes, int, int]:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), image.width, image.height


def _pdf_thumbnails(path: Path, *, size: int) -> Iterator[tuple[int, bytes, int, int]]:
    document = None
    try:
        document = pdfium.PdfDocument(str(path))  # inside the try: PDFium may not open what pypdf read
        for index in range(len(document)):
            page = document[index]
            try:
                width, height = page.get_size()
                scale = size / max(width, height, 1)
                image = page.render(scale=scale).to_pil()  # applies the page's own /Rotate
                yield (index + 1, *_png(image.convert("RGB")))
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        raise _refused(PDF_RENDER_FAILED, error=exc) from exc
    finally:
        if document is not None:
            document.close()


def _image_thumbnails(path: Path, *, size: int, max_pixels: int) -> Iterator[tuple[int, bytes, int, int]]:
    with path.open("rb") as handle:
        image = _open_image(handle, max_pixels=max_pixels)
        try:
            for index, frame in enumerate(ImageSequence.Iterator(image), start=1):
                thumb = frame.copy()
                thumb.draft("RGB", (size, size))
                thumb.thumbnail((size, size))
                yield (index, *_png(thumb.convert("RGB")))
        except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
            raise _refused(IMAGE_DAMAGED) from exc
