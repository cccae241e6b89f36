"""Where signing keys come from.

`internal` (development, the default): a certificate authority made by
`manage.py signatures_init_ca` under the data folder issues each signer's certificate on first
use; its root is trusted by this installation's verification, and only by it.
`pkcs12` (production): one PKCS#12 file per signer, `<e-mail>.p12` in URBADESK_PKCS12_DIR, opened
with URBADESK_PKCS12_PASSPHRASE, issued by the authority's own CA (whose root goes in
URBADESK_TRUST_ROOTS).
`pkcs11` (production, keys that never leave a hardware module): the module's library, token
label and PIN; each signer's key and certificate on the token labelled with their e-mail.

Besides the people who sign, the platform itself seals the documents it issues on its own (the
urban-planning information certificates): an electronic seal certificate of the platform, issued by
the internal CA, read from `seal.p12` in URBADESK_PKCS12_DIR, or found on the module under
URBADESK_SEAL_KEY_LABEL ("seal" by default).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from asn1crypto import crl as asn1_crl
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from config.exceptions import DomainError


class KeysUnavailable(DomainError):
    status_code = 503
    error_type = "signing_unavailable"
    title = _("Signing is not available")


NO_CA = _("The signing authority's keys are not set up: run `manage.py signatures_init_ca`.")
NO_KEY = _("No signing key is installed for %(email)s.")
NO_SEAL = _("The platform's electronic seal is not installed (%(where)s).")
SEAL_NAME = "Urbadesk — cachet électronique"
NO_MODULE = _("The signing module cannot be opened (%(error)s).")


def _nothing() -> None:
    pass


@dataclass(frozen=True)
class SignerKeys:
    signer: signers.Signer
    chain: list[asn1_x509.Certificate]
    close: Callable[[], None] = _nothing  # releases the module's session, where there is one


class KeySource(Protocol):
    def keys_for(self, user: Any) -> SignerKeys: ...
    def seal_keys(self) -> SignerKeys: ...
    def trust_roots(self) -> list[asn1_x509.Certificate]: ...
    def crls(self) -> list[asn1_crl.CertificateList]: ...


def _der(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _private(key: Any) -> asn1_keys.PrivateKeyInfo:
    return asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )


def _write_secret(path: Path, data: bytes) -> None:
    """Creates the file readable by its owner only; refuses to overwrite (two processes at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _pem_key(key: Any) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@functools.lru_cache(maxsize=256)
def _parsed_key(path: str, modified_ns: int) -> Any:
    return serialization.load_pem_private_key(Path(path).read_bytes(), password=None)


def _read_key(path: Path) -> Any:
    """A PEM key of the internal CA's folder, parsed once per process: parsing checks the RSA key
    (a tenth of a second for the CA's), which would otherwise cost every signature three times.
    The files are written once and never changed; a new one (a new path or time) is read again."""
    return _parsed_key(str(path), path.stat().st_mtime_ns)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class InternalCa:
    """The development certificate authority, in `<data folder>/pki/`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def _ca_paths(self) -> tuple[Path, Path]:
        return self.folder / "ca.key.pem", self.folder / "ca.cert.pem"

    def exists(self) -> bool:
        return all(path.is_file() for path in self._ca_paths)

    def create(self, *, name: str = "Urbadesk development CA") -> bool:
        """Makes the CA once; False when it was already there."""
        if self.exists():
            return False
        key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
        subject = x509.Name(
            [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Urbadesk")]
        )
        certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(_now() - dt.timedelta(days=1))
            .not_valid_after(_now() + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256())
        )
        key_path, cert_path = self._ca_paths
        _write_secret(key_path, _pem_key(key))
        cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return True

    def _ca(self) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
        if not self.exists():
            raise KeysUnavailable(str(NO_CA))
        key_path, cert_path = self._ca_paths
        key = _read_key(key_path)
        return key, x509.load_pem_x509_certificate(cert_path.read_bytes())  # type: ignore[return-value]

    def _signing_certificate(self, public_key: Any, names: list, *, email: str = "") -> x509.Certificate:
        """An end-entity certificate of the CA for signing documents (digital signature and
        non-repudiation), a person's or the platform's seal."""
        ca_key, ca_cert = self._ca()
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(names))
            .issuer_name(ca_cert.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(_now() - dt.timedelta(minutes=5))
            .not_valid_after(_now() + dt.timedelta(days=730))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
        )
        if email:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        return builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        ).sign(ca_key, hashes.SHA256())

    def _issue(self, user: Any) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        names = [x509.NameAttribute(NameOID.COMMON_NAME, user.full_name or user.email)]
        if user.organisation_id:
            names.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, user.organisation.name))
        return key, self._signing_certificate(key.public_key(), names, email=user.email)

    def keys_for(self, user: Any) -> SignerKeys:
        folder = self.folder / "signers"
        return self._kept_keys(folder / f"{user.pk}.key.pem", folder / f"{user.pk}.cert.pem", lambda: self._issue(user))

    def _issue_seal(self) -> tuple[Any, x509.Certificate]:
        """The platform's own certificate: it seals documents (digital signature, non-repudiation),
        in the name of the installation rather than of a person. An elliptic-curve key (P-256):
        it seals every certificate issued, and opening and using it costs a fraction of an RSA key's."""
        key = ec.generate_private_key(ec.SECP256R1())
        names = [
            x509.NameAttribute(NameOID.COMMON_NAME, SEAL_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Urbadesk"),
        ]
        return key, self._signing_certificate(key.public_key(), names)

    def seal_keys(self) -> SignerKeys:
        """The platform's seal, issued on first use and kept beside the signers' keys."""
        return self._kept_keys(self.folder / "seal.key.pem", self.folder / "seal.cert.pem", self._issue_seal)

    def _kept_keys(
        self, key_path: Path, cert_path: Path, issue: Callable[[], tuple[Any, x509.Certificate]]
    ) -> SignerKeys:
        if not (key_path.is_file() and cert_path.is_file()):
            key, certificate = issue()
            try:
                _write_secret(key_path, _pem_key(key))
                cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
            except FileExistsError:  # another process issued it a moment ago: use that one
                pass
        key = _read_key(key_path)
        certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
        ca_cert = _der(self._ca()[1])
        signer = signers.SimpleSigner(
            signing_cert=_der(certificate),
            signing_key=_private(key),  # type: ignore[arg-type]
            cert_registry=SimpleCertificateStore.from_certs([ca_cert]),
        )
        return SignerKeys(signer=signer, chain=[_der(certificate), ca_cert])

    def trust_roots(self) -> list[asn1_x509.Certificate]:
        return [_der(self._ca()[1])] if self.exists() else []

    def crls(self) -> list[asn1_crl.CertificateList]:
        """The CA's list of revoked certificates (none yet), fresh: embedded for long-term validation."""
        if not self.exists():
            return []
        ca_key, ca_cert = self._ca()
        revocations = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(ca_cert.subject)
            .last_update(_now() - dt.timedelta(minutes=5))
            .next_update(_now() + dt.timedelta(days=7))
            .add_extension(x509.CRLNumber(int(_now().timestamp())), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        return [asn1_crl.CertificateList.load(revocations.public_bytes(serialization.Encoding.DER))]


class Pkcs12Files:
    """Production keys: `<e-mail>.p12` per signer in a folder the operator manages."""

    def __init__(self, folder: Path, passphrase: str, roots: list[Path]) -> None:
        self.folder, self.passphrase, self.roots = folder, passphrase, roots

    def keys_for(self, user: Any) -> SignerKeys:
        path = self.folder / f"{user.email}.p12"
        if not path.is_file():
            raise KeysUnavailable(str(NO_KEY) % {"email": user.email})
        signer = signers.SimpleSigner.load_pkcs12(str(path), passphrase=self.passphrase.encode() or None)
        if signer is None:
            raise KeysUnavailable(str(NO_KEY) % {"email": user.email})
        chain = [signer.signing_cert, *signer.cert_registry]
        return SignerKeys(signer=signer, chain=chain)

    def seal_keys(self) -> SignerKeys:
        """The platform's seal: `seal.p12` in the same folder, with the same passphrase."""
        path = self.folder / "seal.p12"
        signer = (
            signers.SimpleSigner.load_pkcs12(str(path), passphrase=self.passphrase.encode() or None)
            if path.is_file()
            else None
        )
        if signer is None:
            raise KeysUnavailable(str(NO_SEAL) % {"where": path})
        return SignerKeys(signer=signer, chain=[signer.signing_cert, *signer.cert_registry])

    def trust_roots(self) -> list[asn1_x509.Certificate]:
        return [_der(x509.load_pem_x509_certificate(path.read_bytes())) for path in self.roots]

    def crls(self) -> list[asn1_crl.CertificateList]:
        return []  # fetched from the certificates' distribution points by the validator


class Pkcs11Module:
    """A hardware security module (or SoftHSM): each signer's private key and certificate on the
    token, both labelled with their e-mail address; the PIN opens a session per signature."""

    def __init__(self, library: str, token: str, pin: str, roots: list[Path], seal_label: str = "seal") -> None:
        self.library, self.token, self.pin, self.roots = library, token, pin, roots
        self.seal_label = seal_label

    def keys_for(self, user: Any) -> SignerKeys:
        return self._labelled(user.email, str(NO_KEY) % {"email": user.email})

    def seal_keys(self) -> SignerKeys:
        """The platform's seal: the key and certificate labelled URBADESK_SEAL_KEY_LABEL."""
        return self._labelled(self.seal_label, str(NO_SEAL) % {"where": self.seal_label})

    def _labelled(self, label: str, missing: str) -> SignerKeys:
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

        try:
            session = open_pkcs11_session(
                self.library, token_criteria=TokenCriteria(label=self.token), user_pin=self.pin
            )
        except Exception as error:  # module missing, token absent, PIN refused: no signing now
            raise KeysUnavailable(str(NO_MODULE) % {"error": error}) from error
        signer = PKCS11Signer(session, cert_label=label, key_label=label, other_certs_to_pull=None)
        try:
            certificate = signer.signing_cert
        except Exception as error:  # no key or certificate under that label
            session.close()
            raise KeysUnavailable(missing) from error
        return SignerKeys(signer=signer, chain=[certificate, *signer.cert_registry], close=session.close)

    def trust_roots(self) -> list[asn1_x509.Certificate]:
        return [_der(x509.load_pem_x509_certificate(path.read_bytes())) for path in self.roots]

    def crls(self) -> list[asn1_crl.CertificateList]:
        return []


def key_source() -> KeySource:
    conf = settings.URBADESK["SIGNING"]
    if conf["KEYS"] == "pkcs11":
        return Pkcs11Module(
            conf["PKCS11_LIB"],
            conf["PKCS11_TOKEN"],
            conf["PKCS11_PIN"],
            [Path(p) for p in conf["TRUST_ROOTS"]],
            seal_label=conf.get("SEAL_KEY_LABEL") or "seal",
        )
    if conf["KEYS"] == "pkcs12":
        return Pkcs12Files(Path(conf["PKCS12_DIR"]), conf["PKCS12_PASSPHRASE"], [Path(p) for p in conf["TRUST_ROOTS"]])
    return InternalCa(Path(conf["PKI_DIR"]))
