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


def consolidate(rule: str, opinions: Iterable[MemberOpinion]) -> Proposal:
    opinions = list(opinions)
    if rule == ConsolidationRule.CHAIR:
        chair = [o for o in opinions if o.is_chair]
        given = [o for o in chair if o.value]
        if not given:
            return Proposal(None, max(len(chair), 1))
        return Proposal(given[0].value, 0)
    if rule == ConsolidationRule.BINDING_UNANIMITY:
        binding = [o for o in opinions if o.body_binding]
        if any(o.value == V.UNFAVOURABLE for o in binding):
            return Proposal(V.UNFAVOURABLE, 0)  # one binding refusal decides, whatever is pending
        waiting = sum(1 for o in binding if not o.value)
        if waiting or not binding:
            return Proposal(None, waiting if binding else 1)
        counted = [o for o in binding if o.value != V.ABSTAIN]
        if not counted:
            return Proposal(None, 0)
        with_conditions = any(o.value == V.FAVOURABLE_WITH_CONDITIONS or o.conditions.strip() for o in counted)
        return Proposal(V.FAVOURABLE_WITH_CONDITIONS if with_conditions else V.FAVOURABLE, 0)
    raise ValueError(f"unknown consolidation rule {rule!r}")
