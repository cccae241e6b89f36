"""Plan files for the tests, good and bad, made on the fly."""

import io
import struct
import zlib

from PIL import Image
from pypdf import PdfReader, PdfWriter

from dossiers.samples import building_outline_pdf


def good_pdf(**kwargs) -> bytes:
    return building_outline_pdf(**kwargs)


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = good_pdf()
    return data[: len(data) // 2]


def png(width: int = 400, height: int = 300, dpi: int | None = 150) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), "white")
    image.save(out, format="PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return out.getvalue()


def jpeg(width: int = 300, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "grey").save(out, format="JPEG")
    return out.getvalue()


def tiff_two_pages() -> bytes:
    out = io.BytesIO()
    first, second = Image.new("L", (200, 100), 255), Image.new("L", (100, 200), 0)
    first.save(out, format="TIFF", save_all=True, append_images=[second], dpi=(72, 72))
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(side: int = 100_000) -> bytes:
    """A few hundred bytes that claim side × side pixels: a decompression bomb."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    compressed = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", compressed) + _chunk(b"IEND", b"")
