"""How the members' opinions make the commission's opinion, for each rule a commission may use.

Pure functions over plain values: the rule is data on the commission, and the opinion it gives
is stored beside the one recorded, so an opinion that departs from its rule can be seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from commissions.models import ConsolidationRule, OpinionValue

V = OpinionValue


@dataclass(frozen=True)
class MemberOpinion:
    value: str  # an OpinionValue, or "" when not given yet
    is_chair: bool
    body_binding: bool  # the member speaks for a body whose opinion binds the commission
    conditions: str = ""


@dataclass(frozen=True)
class Proposal:
    value: str | None  # None: the rule cannot decide yet
    waiting_for: int  # opinions the rule still needs


def consolidate(rule: str, opinions: Iterable[MemberOpinion], *, binding_bodies_unheard: int = 0) -> Proposal:
    """`binding_bodies_unheard`: binding bodies the rule requires that no dispatched member speaks for;
    their opinion is awaited too, so the rule cannot decide without them."""
    opinions = list(opinions)
    if rule == ConsolidationRule.CHAIR:
        chair = [o for o in opinions if o.is_chair]
        given = [o for o in chair if o.value and o.value != V.ABSTAIN]
        if not given:  # an abstaining chair leaves the commission to decide explicitly
            return Proposal(None, max(len([o for o in chair if not o.value]), 1))
        return Proposal(given[0].value, 0)
    if rule == ConsolidationRule.BINDING_UNANIMITY:
        binding = [o for o in opinions if o.body_binding]
        if any(o.value == V.UNFAVOURABLE for o in binding):
            return Proposal(V.UNFAVOURABLE, 0)  # one binding refusal decides, whatever is pending
        waiting = sum(1 for o in binding if not o.value) + binding_bodies_unheard
        if waiting or not binding:
            return Proposal(None, waiting or 1)
        counted = [o for o in binding if o.value != V.ABSTAIN]
        if not counted:
            return Proposal(None, 0)
        with_conditions = any(o.value == V.FAVOURABLE_WITH_CONDITIONS or o.conditions.strip() for o in counted)
        return Proposal(V.FAVOURABLE_WITH_CONDITIONS if with_conditions else V.FAVOURABLE, 0)
    raise ValueError(f"unknown consolidation rule {rule!r}")
