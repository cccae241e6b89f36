"""PAdES signing and validation with pyHanko.

Each signature is an incremental update (earlier ones stay valid), with a visible block naming
the signer, their role and the time. With a timestamping service (URBADESK_TSA_URL) the signature
gets an RFC 3161 timestamp, validation data (certificates, revocation lists) goes into the
document security store, and a document timestamp closes it: PAdES B-LTA. Without one, the
signature still embeds its validation data (B-LT without the timestamp) and says so.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from django.conf import settings
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from signatures.pki import KeySource, SignerKeys

logger = logging.getLogger("urbadesk.signatures")

STAMP_TEXT = "%(label)s\n%(signer)s\n%(role)s\n%(ts)s"


class TimestampUnavailable(Exception):
    """The timestamping service did not answer (or answered garbage)."""


@dataclass(frozen=True)
class Placement:
    page: int  # 0-based; -1 for the last page
    box: tuple[float, float, float, float]  # PDF points, lower-left and upper-right


def timestamper() -> RequestsHTTPTimeStamper | None:
    url = settings.URBADESK["SIGNING"]["TSA_URL"]
    return RequestsHTTPTimeStamper(url, timeout=10) if url else None


def validation_context(keys: KeySource, *, for_signing: bool) -> ValidationContext:
    """Trusts the installation's roots; the internal CA's revocation list is given, not fetched."""
    crls = keys.crls()
    return ValidationContext(
        trust_roots=keys.trust_roots(),
        crls=crls,
        allow_fetching=not crls,
        revocation_mode="soft-fail" if not for_signing else "hard-fail" if crls else "soft-fail",
    )


def sign(
    pdf: bytes,
    *,
    keys: SignerKeys,
    source: KeySource,
    field_name: str,
    placement: Placement,
    label: str,
    role: str,
    tsa: object | None,
) -> bytes:
    """The PDF with one more signature. Raises TimestampUnavailable when `tsa` is given and fails."""
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=True,
        validation_context=validation_context(source, for_signing=True),
        use_pades_lta=tsa is not None,
        # No `name`: pyHanko then takes the certificate's common name, both for the signature's
        # /Name and for the visible block's second line (given the label, it showed it twice).
        reason=role,
        location=settings.URBADESK["SIGNING"]["LOCATION"],
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=keys.signer,
        timestamper=tsa,  # type: ignore[arg-type]
        stamp_style=TextStampStyle(stamp_text=STAMP_TEXT, border_width=1),
        new_field_spec=fields.SigFieldSpec(field_name, on_page=placement.page, box=placement.box),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    try:
        signed = pdf_signer.sign_pdf(writer, appearance_text_params={"label": label, "role": role})
    except (TimestampRequestError, SigningError) as error:
        if tsa is not None and _is_timestamp_failure(error):
            raise TimestampUnavailable(str(error)) from error
        raise
    return signed.getvalue()


def _is_timestamp_failure(error: BaseException) -> bool:
    while error is not None:
        if isinstance(error, TimestampRequestError):
            return True
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False


# Far more than any document of ours carries (a decision has one or two, a plan set a few).
MAX_SIGNATURES = 100


class TooManySignatures(ValueError):
    pass


class NotAPdf(ValueError):
    pass


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    signer_email: str
    signed_at: datetime | None
    timestamped: bool
    intact: bool  # the signed bytes are those the signer signed
    valid: bool  # the cryptographic signature checks
    trusted: bool  # the signer's certificate chains to a root this installation trusts
    covers_document: bool  # nothing was changed after it but more signatures and validation data
    modification: str


def _report(field: str, status: PdfSignatureStatus) -> SignatureReport:
    cert = status.signing_cert
    emails = [name.native for name in (cert.subject_alt_name_value or []) if name.name == "rfc822_name"]
    modification = status.modification_level.name if status.modification_level is not None else "OTHER"
    return SignatureReport(
        field=field,
        signer=cert.subject.native.get("common_name", cert.subject.human_friendly),
        signer_email=emails[0] if emails else "",
        signed_at=status.signer_reported_dt,
        timestamped=status.timestamp_validity is not None,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        covers_document=status.docmdp_ok is not False and modification in {"NONE", "LTA_UPDATES", "FORM_FILLING"},
        modification=modification.lower(),
    )


def _broken(field: str) -> SignatureReport:
    return SignatureReport(
        field=field,
        signer="",
        signer_email="",
        signed_at=None,
        timestamped=False,
        intact=False,
        valid=False,
        trusted=False,
        covers_document=False,
        modification="broken",
    )


def _signatures(reader: PdfFileReader) -> tuple[list[EmbeddedPdfSignature], list[str]]:
    """The regular signatures in signing order, and the fields whose signature cannot even be read
    (pyHanko's own collector stops at the first such one; a verifier must report it instead)."""
    readable, broken = [], []
    seen: set[str] = set()
    for name, value, field in enumerate_sig_fields(reader, filled_status=True):
        # A field listed many times is one signature: checking it once per listing would let a
        # small upload cost the (public) verifier thousands of validations.
        if name in seen:
            continue
        seen.add(name)
        if len(seen) > MAX_SIGNATURES:
            raise TooManySignatures(f"more than {MAX_SIGNATURES} signature fields")
        if value.get_object().get("/Type") == "/DocTimeStamp":
            continue
        try:
            readable.append(EmbeddedPdfSignature(reader, field, name))
        except Exception:  # a wiped or truncated signature value
            broken.append(name)
    return sorted(readable, key=lambda signature: signature.signed_revision), broken


def verify(pdf: bytes | BinaryIO, *, source: KeySource) -> list[SignatureReport]:
    """Every signature of the PDF checked; a PDF without any gives an empty list. A stream (a
    spooled upload) is read where it lies, never copied whole into memory."""
    stream = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    stream.seek(0)
    head = stream.read(1024)
    stream.seek(0)
    if not head.lstrip()[:5] == b"%PDF-":
        raise NotAPdf("not a PDF")
    try:
        reader = PdfFileReader(stream, strict=False)
        embedded, broken = _signatures(reader)
    except TooManySignatures:
        raise
    except Exception as error:  # untrusted bytes: any parser failure means "not a PDF we can read"
        raise NotAPdf(str(error)) from error
    reports = []
    for signature in embedded:
        try:
            status = validate_pdf_signature(signature, validation_context(source, for_signing=False))
        except Exception as error:  # a signature that cannot be checked is reported as such, never a 500
            logger.info("signature %s could not be validated: %s", signature.field_name, error)
            reports.append(_broken(signature.field_name))
            continue
        reports.append(_report(signature.field_name, status))
    return reports + [_broken(name) for name in broken]
