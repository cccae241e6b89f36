"""The words of each event, in French and English; `{placeholders}` come from the caller's context."""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {
    "dossier.submitted": {
        "fr": ("Nouveau dossier déposé : {reference}", "Le dossier {reference} ({title}) a été déposé."),
        "en": ("New dossier submitted: {reference}", "Dossier {reference} ({title}) was submitted."),
    },
    "dossier.check_started": {
        "fr": (
            "Dossier en vérification : {reference}",
            "Le guichet vérifie que votre dossier {reference} est complet.",
        ),
        "en": ("Dossier being checked: {reference}", "The desk is checking that your dossier {reference} is complete."),
    },
    "dossier.complements_requested": {
        "fr": ("Compléments demandés : {reference}", "Le guichet demande des compléments : {message}"),
        "en": ("Complements requested: {reference}", "The desk asks for complements: {message}"),
    },
    "dossier.changes_requested": {
        "fr": ("Modifications demandées : {reference}", "La commission demande des modifications : {message}"),
        "en": ("Changes requested: {reference}", "The commission asks for changes: {message}"),
    },
    "dossier.resubmitted": {
        "fr": ("Dossier redéposé : {reference}", "Le demandeur a répondu ; le dossier {reference} est à reprendre."),
        "en": ("Dossier resubmitted: {reference}", "The applicant has answered; dossier {reference} is back."),
    },
    "dossier.declared_complete": {
        "fr": ("Dossier complet : {reference}", "Votre dossier {reference} est complet ; son instruction commence."),
        "en": ("Dossier complete: {reference}", "Your dossier {reference} is complete; its review begins."),
    },
    "dossier.decision_issued": {
        "fr": ("Décision rendue : {reference}", "La décision sur le dossier {reference} est disponible : {decision}."),
        "en": ("Decision issued: {reference}", "The decision on dossier {reference} is available: {decision}."),
    },
    "dossier.closed": {
        "fr": ("Dossier clos : {reference}", "Le dossier {reference} est clos."),
        "en": ("Dossier closed: {reference}", "Dossier {reference} is closed."),
    },
    "dossier.dispatched": {
        "fr": (
            "Dossier à examiner : {reference}",
            "Le dossier {reference} vous est transmis pour la séance du {session}.",
        ),
        "en": ("Dossier to review: {reference}", "Dossier {reference} is sent to you for the session of {session}."),
    },
    "dossier.opinion_recorded": {
        "fr": ("Avis de la commission : {reference}", "La commission a rendu son avis sur le dossier {reference}."),
        "en": ("Commission's opinion: {reference}", "The commission gave its opinion on dossier {reference}."),
    },
    "opinion.given": {
        "fr": ("Avis d'un membre : {reference}", "{member} ({body}) a donné son avis : {opinion}."),
        "en": ("A member's opinion: {reference}", "{member} ({body}) gave their opinion: {opinion}."),
    },
    "document.to_sign": {
        "fr": ("Document à signer : {title}", "Le document « {title} » attend votre signature."),
        "en": ("Document to sign: {title}", "The document “{title}” awaits your signature."),
    },
    "document.signed": {
        "fr": ("Document signé : {title}", "Le document « {title} » est signé ; vous pouvez le télécharger."),
        "en": ("Document signed: {title}", "The document “{title}” is signed; you can download it."),
    },
    "inquiry.observation_received": {
        "fr": (
            "Observation reçue : {reference}",
            "Votre observation sur le projet {reference} est enregistrée ; l'enquête se termine le {closes}.",
        ),
        "en": (
            "Observation received: {reference}",
            "Your observation on project {reference} is recorded; the inquiry ends on {closes}.",
        ),
    },
    "inquiry.closed": {
        "fr": (
            "Enquête publique close : {reference}",
            "L'enquête sur le dossier {reference} est close avec {count} observation(s) ; leur liste est prête.",
        ),
        "en": (
            "Public inquiry closed: {reference}",
            "The inquiry on dossier {reference} closed with {count} observation(s); their list is ready.",
        ),
    },
    "remark.shared": {
        "fr": ("Nouvelle remarque sur vos plans : {reference}", "{author} : {text}"),
        "en": ("New remark on your plans: {reference}", "{author}: {text}"),
    },
    "dossier.deadline_approaching": {
        "fr": (
            "Délai légal proche : {reference}",
            "Échéance du dossier {reference} ({phase}) : {due} ({days_left} j).",
        ),
        "en": ("Legal deadline near: {reference}", "Dossier {reference} ({phase}) is due on {due} ({days_left} d)."),
    },
    "booking.reminder": {
        "fr": ("Rappel : commission le {when}", "Votre dossier {reference} passe en commission le {when}."),
        "en": ("Reminder: commission on {when}", "Your dossier {reference} goes before the commission on {when}."),
    },
    "booking.confirmed": {
        "fr": ("Rendez-vous confirmé : {reference}", "Votre dossier {reference} passe en commission le {when}."),
        "en": ("Booking confirmed: {reference}", "Your dossier {reference} goes before the commission on {when}."),
    },
    "payment.received": {
        "fr": (
            "Paiement reçu : {reference}",
            "Le paiement de {amount} pour le dossier {reference} est reçu (reçu n° {receipt}).",
        ),
        "en": (
            "Payment received: {reference}",
            "The payment of {amount} for dossier {reference} is received (receipt no. {receipt}).",
        ),
    },
    "payment.refunded": {
        "fr": (
            "Remboursement : {reference}",
            "{amount} vous sont remboursés sur le dossier {reference} : {reason}",
        ),
        "en": ("Refund: {reference}", "{amount} is refunded to you on dossier {reference}: {reason}"),
    },
    "payment.fee_adjusted": {
        "fr": (
            "Frais modifiés : {reference}",
            "Les frais du dossier {reference} sont désormais de {amount} : {reason}",
        ),
        "en": ("Fee changed: {reference}", "The fee of dossier {reference} is now {amount}: {reason}"),
    },
    "certificate.ready": {
        "fr": (
            "Certificat prêt : parcelle {parcel}",
            "Votre certificat d'information urbanistique pour la parcelle {parcel} est signé et prêt.",
        ),
        "en": (
            "Certificate ready: parcel {parcel}",
            "Your urban-planning information certificate for parcel {parcel} is signed and ready.",
        ),
    },
    "certificate.failed": {
        "fr": (
            "Certificat non délivré : parcelle {parcel}",
            "Votre certificat pour la parcelle {parcel} n'a pas pu être établi ; redemandez-le plus tard.",
        ),
        "en": (
            "Certificate not issued: parcel {parcel}",
            "Your certificate for parcel {parcel} could not be issued; ask for it again later.",
        ),
    },
}
EVENTS = tuple(TEMPLATES)
# Events about the authority's own deliberation: never told to a dossier's applicant or author.
INTERNAL_EVENTS = frozenset({"opinion.given"})


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "…"


def render(event: str, language: str, context: dict[str, Any]) -> tuple[str, str]:
    """Title and body in the language (French when it has none); a missing value shows as "…"."""
    words = TEMPLATES[event]
    title, body = words.get((language or "fr")[:2], words["fr"])
    values = _Safe({k: str(v) for k, v in context.items()})
    return title.format_map(values)[:300], body.format_map(values)
