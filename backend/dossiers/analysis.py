"""What a plan file is: its type by content, its pages and their sizes, and thumbnails.

Pure functions over a seekable local file; no database, no storage. Each refusal raises
`FileRefused` with a message that tells a person what is wrong and what to do.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pypdfium2 as pdfium
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
ACCEPTED = (PDF, PNG, JPEG, TIFF)
_PIL_FORMATS = {"PNG": PNG, "JPEG": JPEG, "TIFF": TIFF}


class FileRefused(Exception):
    """The file cannot be a plan version; `str(exc)` is shown to the person who sent it."""


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


def sniff_media_type(head: bytes) -> str | None:
    """The media type from the first bytes (magic numbers), whatever the file is called."""
    if b"%PDF-" in head[:1024]:
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
        raise FileRefused(_("The file is empty."))
    media_type = sniff_media_type(head)
    if media_type is None:
        raise FileRefused(_("The file is not a PDF, PNG, JPEG or TIFF document (checked by its content)."))
    stream.seek(0)
    if media_type == PDF:
        return FileFacts(PDF, _inspect_pdf(stream, max_pages=max_pages))
    return FileFacts(media_type, _inspect_image(stream, max_pixels=max_pixels, max_pages=max_pages))


def _inspect_pdf(stream: BinaryIO, *, max_pages: int) -> tuple[PageFacts, ...]:
    stream.seek(0, io.SEEK_END)
    end = stream.tell()
    stream.seek(max(0, end - 2048))
    if b"%%EOF" not in stream.read():
        raise FileRefused(_("The PDF is incomplete (its end is missing): the upload or the export was cut short."))
    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(stream, strict=False)
            if reader.is_encrypted:
                raise FileRefused(
                    _("The PDF is encrypted or password-protected; export an unprotected copy and upload it.")
                )
            count = len(reader.pages)
            if count == 0:
                raise FileRefused(_("The PDF has no pages."))
            if count > max_pages:
                raise FileRefused(
                    _("The PDF has %(count)d pages; the limit is %(limit)d. Split it into several plans.")
                    % {"count": count, "limit": max_pages}
                )
            return tuple(_pdf_page_facts(index, page) for index, page in enumerate(reader.pages, start=1))
    except FileRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise FileRefused(
            _("The PDF is damaged and cannot be read (%(error)s).") % {"error": type(exc).__name__}
        ) from exc


def _pdf_page_facts(index: int, page) -> PageFacts:
    box = page.cropbox
    unit = float(page.user_unit or 1)
    rotation = int(page.rotation or 0) % 360
    if rotation % 90:
        raise FileRefused(_("Page %(index)d has a rotation that is not a quarter turn.") % {"index": index})
    width, height = float(box.width) * unit, float(box.height) * unit
    if width <= 0 or height <= 0:
        raise FileRefused(_("Page %(index)d has an empty page box.") % {"index": index})
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
        raise FileRefused(_("The image is too large to process (decompression bomb protection).")) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise FileRefused(_("The image is damaged and cannot be read.")) from exc
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > max_pixels:
        raise FileRefused(
            _("The image has %(pixels)d pixels; the limit is %(limit)d (decompression bomb protection).")
            % {"pixels": width * height, "limit": max_pixels}
        )
    return image


def _inspect_image(stream: BinaryIO, *, max_pixels: int, max_pages: int) -> tuple[PageFacts, ...]:
    image = _open_image(stream, max_pixels=max_pixels)
    if image.format not in _PIL_FORMATS:
        raise FileRefused(_("The image format %(format)s is not accepted.") % {"format": image.format})
    pages: list[PageFacts] = []
    try:
        for index, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if index > max_pages:
                raise FileRefused(_("The image has more than %(limit)d pages.") % {"limit": max_pages})
            width, height = frame.size
            if width * height > max_pixels:
                raise FileRefused(_("Page %(index)d of the image is too large to process.") % {"index": index})
            dpi_x, dpi_y = _dpi(frame)
            pages.append(PageFacts(index=index, width_pt=width / dpi_x * 72, height_pt=height / dpi_y * 72))
        stream.seek(0)
        with Image.open(stream) as check:
            check.verify()  # checksums and structure, without decoding every pixel
    except FileRefused:
        raise
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise FileRefused(_("The image is damaged and cannot be read.")) from exc
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
    """Yield (page index, PNG bytes, width, height) with the longer side at most `size` px."""
    if facts.media_type == PDF:
        yield from _pdf_thumbnails(path, size=size)
    else:
        yield from _image_thumbnails(path, size=size, max_pixels=max_pixels)


def _png(image: Image.Image) -> tuple[bytes, int, int]:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), image.width, image.height


def _pdf_thumbnails(path: Path, *, size: int) -> Iterator[tuple[int, bytes, int, int]]:
    document = pdfium.PdfDocument(str(path))
    try:
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
        raise FileRefused(_("The PDF cannot be rendered (%(error)s).") % {"error": exc}) from exc
    finally:
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
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise FileRefused(_("The image is damaged and cannot be read.")) from exc
