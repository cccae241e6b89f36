"""What a dossier costs: its procedure's fee rule applied to its form's answers.

One function computes it, for the quote the applicant sees before submitting and for the amount
frozen at submission, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from dossiers.models import FeeBasis, FeeRule, ProcedureType

CENT = Decimal("0.01")
# The largest fee a dossier records (its column holds 12 digits, 2 of them decimals).
FEE_LIMIT = Decimal("9999999999.99")


class FeeTooLarge(ValueError):
    """The answers lead to a fee beyond what can be recorded: the quantity field is to blame."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True)
class Fee:
    amount: Decimal
    currency: str
    basis: str
    quantity: Decimal | None
    explanation: str


def currency() -> str:
    return settings.URBADESK["CURRENCY"]


def rule_problems(rule: FeeRule) -> dict[str, list[str]]:
    """What makes a rule unusable, said to the administrator who types it."""
    problems: dict[str, list[str]] = {}
    if rule.basis != FeeBasis.FIXED:
        properties = (rule.procedure_type.form_schema or {}).get("properties", {})
        field = properties.get(rule.quantity_field)
        if not rule.quantity_field:
            problems["quantity_field"] = [_("Name the form field holding the m² or the dwellings.")]
        elif field is None or field.get("type") not in ("integer", "number"):
            problems["quantity_field"] = [
                _("The procedure's form has no numeric field %(name)s.") % {"name": rule.quantity_field}
            ]
    if rule.minimum is not None and rule.maximum is not None and rule.minimum > rule.maximum:
        problems["minimum"] = [_("The minimum is above the maximum.")]
    return problems


def _quantity(rule: FeeRule, form_data: dict[str, Any]) -> Decimal:
    raw = form_data.get(rule.quantity_field) if isinstance(form_data, dict) else None
    if isinstance(raw, bool) or raw is None:
        return Decimal(0)
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        return Decimal(0)
    return max(value, Decimal(0)) if value.is_finite() else Decimal(0)


def format_money(amount: Decimal, currency_code: str | None = None) -> str:
    """An amount as people read it in the active language ("1 500,00 MAD"), in our currency unless told."""
    return f"{number_format(amount, 2, force_grouping=True)} {currency_code or currency()}"


def _explain(rule: FeeRule, quantity: Decimal | None, total: Decimal, bounded: str) -> str:
    if quantity is None:
        text = _("Fixed fee: %(amount)s") % {"amount": format_money(rule.amount)}
    else:
        unit = _("m²") if rule.basis == FeeBasis.PER_M2 else _("dwellings")
        text = _("%(quantity)s %(unit)s × %(rate)s") % {
            "quantity": number_format(quantity.normalize(), force_grouping=True),
            "unit": unit,
            "rate": format_money(rule.rate),
        }
        if rule.amount:
            text += " + " + format_money(rule.amount)
    if bounded:
        text += f" ({bounded})"
    return f"{text} = {format_money(total)}"


def fee_for(procedure: ProcedureType, form_data: dict[str, Any]) -> Fee | None:
    """The fee of a dossier of this procedure with these answers; None where the procedure is free."""
    # A missing one-to-one raises a subclass of AttributeError; select_related("fee_rule") caches it.
    rule: FeeRule | None = getattr(procedure, "fee_rule", None)
    if rule is None:
        return None
    quantity = None if rule.basis == FeeBasis.FIXED else _quantity(rule, form_data)
    total = rule.amount + (rule.rate * quantity if quantity is not None else 0)
    bounded = ""
    if rule.minimum is not None and total < rule.minimum:
        total, bounded = rule.minimum, _("minimum %(amount)s") % {"amount": format_money(rule.minimum)}
    if rule.maximum is not None and total > rule.maximum:
        total, bounded = rule.maximum, _("maximum %(amount)s") % {"amount": format_money(rule.maximum)}
    if total > FEE_LIMIT:
        raise FeeTooLarge(rule.quantity_field)
    total = Decimal(total).quantize(CENT, rounding=ROUND_HALF_UP)
    return Fee(
        amount=total,
        currency=currency(),
        basis=rule.basis,
        quantity=quantity,
        explanation=_explain(rule, quantity, total, bounded),
    )
