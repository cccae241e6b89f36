"""Every action the audit log can record has words in the SPA's timeline, in French and English.

The dossier's history (frontend/src/features/dossiers/components/HistoryPanel.tsx) names each
action with `history.actions.<action>` from frontend/src/app/i18n/{fr,en}.json and shows any
other as its raw code. The actions are read from the source, not from a list kept by hand: each
call to `audit_record` is followed back through the helpers that pass their `action` on (the
lifecycle's `_record` builds `dossier.<name>`, annotations' `_audit`, the admin's
`admin.<model>.<verb>`). A new audited action without words fails here; so does an `action=`
this test cannot read, so that none slips past it.

Django admin writes are `admin.<model_name>.<verb>`: the timeline words the verb
(`history.admin.<verb>`) and the model (`history.adminObjects.<model_name>`).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2]
I18N = BACKEND.parent / "frontend" / "src" / "app" / "i18n"
LANGUAGES = ("fr", "en")
SKIPPED_DIRS = {"tests", "migrations", "__pycache__"}
FIX = (
    "give it words in history.actions in frontend/src/app/i18n/fr.json and en.json, and add it "
    "to KNOWN_ACTIONS in frontend/src/features/dossiers/components/HistoryPanel.tsx"
)


@dataclass(frozen=True)
class Param:
    """The value of the enclosing function's parameter `name`."""

    name: str


class Dynamic:
    """A part of an action computed at run time (the admin's model name)."""

    def __repr__(self) -> str:
        return "*"


DYNAMIC = Dynamic()
Part = str | Param | Dynamic
Template = tuple[Part, ...]


@dataclass(frozen=True)
class Auditor:
    """A callable that records an audit event whose action is `template`, with the value of its
    parameter `param` where the template has `Param(param)`."""

    module: str
    cls: str | None  # the class, for a method
    name: str
    param: str
    position: int | None  # among the positional parameters (self left out); None: keyword-only
    template: Template


AUDIT_RECORD = Auditor("audit.services", None, "audit_record", "action", None, (Param("action"),))


@dataclass
class Scan:
    actions: dict[str, list[str]] = field(default_factory=dict)  # action → where it is written
    dynamic: dict[str, list[str]] = field(default_factory=dict)  # pattern with "*" → where
    unreadable: list[str] = field(default_factory=list)


def _modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(BACKEND.rglob("*.py")):
        relative = path.relative_to(BACKEND)
        if SKIPPED_DIRS & set(relative.parts) or any(part.startswith(".") for part in relative.parts):
            continue
        module = ".".join(relative.with_suffix("").parts)
        yield module, relative, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _functions(tree: ast.Module) -> Iterator[tuple[str | None, ast.FunctionDef | ast.AsyncFunctionDef | None]]:
    """Module-level code (None), its functions and its classes' methods, with their class."""
    yield None, None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield None, node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield node.name, item


def _calls(tree: ast.Module, function: ast.FunctionDef | ast.AsyncFunctionDef | None) -> Iterator[ast.Call]:
    if function is not None:
        yield from (node for node in ast.walk(function) if isinstance(node, ast.Call))
        return
    # Module-level statements only: functions and classes are visited on their own.
    for statement in tree.body:
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from (node for node in ast.walk(statement) if isinstance(node, ast.Call))


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef | None, method: bool) -> tuple[list[str], set[str]]:
    """The positional parameters (without `self`) and every parameter name."""
    if function is None:
        return [], set()
    args = function.args
    positional = [a.arg for a in (*args.posonlyargs, *args.args)]
    if method and positional:
        positional = positional[1:]
    names = {*positional, *(a.arg for a in args.kwonlyargs)}
    return positional, names


def _imported_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def _one_function(candidates: list[Auditor]) -> list[Auditor]:
    """The candidates if they are all one function (maybe with several templates), else none."""
    return candidates if len({(a.module, a.cls, a.name) for a in candidates}) == 1 else []


def _resolve(call: ast.Call, module: str, cls: str | None, imported: set[str], auditors: set[Auditor]) -> list[Auditor]:
    """The auditors the call may be: `audit_record`, a helper of the same module or class, or an
    imported helper whose name no other helper has."""
    func = call.func
    if isinstance(func, ast.Name):
        name = func.id
        if name == AUDIT_RECORD.name:
            return [AUDIT_RECORD]
        local = [a for a in auditors if a.module == module and a.cls is None and a.name == name]
        if local or name not in imported:
            return local
        return _one_function([a for a in auditors if a.cls is None and a.name == name])
    if isinstance(func, ast.Attribute):
        name = func.attr
        if name == AUDIT_RECORD.name:
            return [AUDIT_RECORD]
        if isinstance(func.value, ast.Name) and func.value.id in {"self", "cls"}:
            own = [a for a in auditors if a.module == module and a.cls == cls and a.name == name]
            return own or _one_function([a for a in auditors if a.cls is not None and a.name == name])
        return _one_function([a for a in auditors if a.cls is None and a.name == name])
    return []


def _argument(call: ast.Call, auditor: Auditor) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == auditor.param:
            return keyword.value
    if auditor.position is not None and auditor.position < len(call.args):
        argument = call.args[auditor.position]
        return None if isinstance(argument, ast.Starred) else argument
    return None


def _values(node: ast.expr, params: set[str]) -> list[Template] | None:
    """What an expression can be, as templates; None when the test cannot tell."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.value,)]
    if isinstance(node, ast.Name) and node.id in params:
        return [(Param(node.id),)]
    if isinstance(node, ast.IfExp):
        body, orelse = _values(node.body, params), _values(node.orelse, params)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.JoinedStr):
        parts: list[Part] = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(value.value)
            elif (
                isinstance(value, ast.FormattedValue)
                and isinstance(value.value, ast.Name)
                and value.value.id in params
                and value.format_spec is None
            ):
                parts.append(Param(value.value.id))
            else:
                parts.append(DYNAMIC)
        return [tuple(parts)]
    return None


def _fill(template: Template, param: str, value: Template) -> Template:
    filled: list[Part] = []
    for part in template:
        filled.extend(value if part == Param(param) else (part,))
    # Adjacent strings joined, so "dossier." + "start_check" reads as one.
    merged: list[Part] = []
    for part in filled:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    return tuple(merged)


def _follow(
    result: Scan,
    found: set[Auditor],
    call: ast.Call,
    auditor: Auditor,
    where: str,
    module: str,
    cls: str | None,
    function: ast.FunctionDef | ast.AsyncFunctionDef | None,
) -> None:
    """Records the actions one call writes, or its function as a new helper when it passes on
    one of its own parameters."""
    positional, params = _parameters(function, method=cls is not None)
    argument = _argument(call, auditor)
    values = None if argument is None else _values(argument, params)
    if values is None:
        result.unreadable.append(where)
        return
    for value in values:
        action = _fill(auditor.template, auditor.param, value)
        passed = {part.name for part in action if isinstance(part, Param)}
        if function is not None and len(passed) == 1:
            (name,) = passed
            position = positional.index(name) if name in positional else None
            found.add(Auditor(module, cls, function.name, name, position, action))
        elif passed:
            result.unreadable.append(where)  # a helper passing on two parameters is not handled
        elif all(isinstance(part, str) for part in action):
            result.actions.setdefault("".join(str(part) for part in action), []).append(where)
        else:
            pattern = "".join("*" if part is DYNAMIC else str(part) for part in action)
            result.dynamic.setdefault(pattern, []).append(where)


def scan() -> Scan:
    """Every action string the backend can pass to `audit_record`, directly or through helpers."""
    modules = list(_modules())
    auditors = {AUDIT_RECORD}
    while True:
        result = Scan()
        found = set(auditors)
        for module, path, tree in modules:
            imported = _imported_names(tree)
            for cls, function in _functions(tree):
                for call in _calls(tree, function):
                    for auditor in _resolve(call, module, cls, imported, auditors):
                        _follow(result, found, call, auditor, f"{path}:{call.lineno}", module, cls, function)
        if found == auditors:
            return result
        auditors = found


def _leaves(value: object, prefix: str = "") -> dict[str, str]:
    if isinstance(value, str):
        return {prefix: value}
    assert isinstance(value, dict)
    leaves: dict[str, str] = {}
    for key, child in value.items():
        leaves.update(_leaves(child, f"{prefix}.{key}" if prefix else key))
    return leaves


@pytest.fixture(scope="module")
def scanned() -> Scan:
    return scan()


@pytest.fixture(scope="module")
def words() -> dict[str, dict[str, str]]:
    return {
        language: _leaves(json.loads((I18N / f"{language}.json").read_text(encoding="utf-8"))) for language in LANGUAGES
    }


def _missing(words: dict[str, dict[str, str]], keys: dict[str, list[str]]) -> list[str]:
    return [
        f"{language}: {key} ({', '.join(where)})"
        for language in LANGUAGES
        for key, where in sorted(keys.items())
        if not words[language].get(key, "").strip()
    ]


def test_every_action_is_read_from_the_source(scanned: Scan):
    """The test reads every `action=` it meets; an action computed some other way would escape it."""
    assert scanned.unreadable == [], (
        "These audit calls pass an action this test cannot read (a string, an f-string of the "
        f"helper's own parameter, or a conditional of those): {scanned.unreadable}"
    )


def test_the_scan_follows_the_helpers(scanned: Scan):
    """Direct calls, the lifecycle's `dossier.<name>`, annotations' `_audit` and the admin."""
    assert {"dossier.created", "plan_version.ready", "booking.moved", "page.calibrated"} <= set(scanned.actions)
    assert {"dossier.start_check", "dossier.request_complements", "dossier.decide"} <= set(scanned.actions)
    assert {"annotation.created", "annotation.deleted", "annotation.carried_forward"} <= set(scanned.actions)
    assert {"admin.*.created", "admin.*.changed", "admin.*.deleted"} <= set(scanned.dynamic)


def test_every_lifecycle_transition_is_found(scanned: Scan):
    from dossiers.lifecycle import TRANSITIONS

    assert {f"dossier.{name}" for name in TRANSITIONS} <= set(scanned.actions)


def test_every_audited_action_has_words(scanned: Scan, words: dict[str, dict[str, str]]):
    keys = {f"history.actions.{action}": where for action, where in scanned.actions.items()}
    missing = _missing(words, keys)
    assert missing == [], f"Audited actions without words in the timeline; {FIX}:\n" + "\n".join(missing)


ADMIN = re.compile(r"^admin\.\*\.(\w+)$")


def test_only_the_admin_builds_its_action_at_run_time(scanned: Scan):
    unknown = {pattern: where for pattern, where in scanned.dynamic.items() if not ADMIN.match(pattern)}
    assert unknown == {}, (
        f"These actions are built at run time, so this test cannot list them: {unknown}. Write the "
        "action out, or teach this test (and the timeline) how to name them."
    )


def test_admin_writes_have_words(scanned: Scan, words: dict[str, dict[str, str]]):
    from django.contrib import admin

    from config.admin import AuditedModelAdmin

    verbs: dict[str, list[str]] = {}
    for pattern, where in scanned.dynamic.items():
        match = ADMIN.match(pattern)
        if match:
            verbs.setdefault(f"history.admin.{match.group(1)}", []).extend(where)
    models = {
        f"history.adminObjects.{model._meta.model_name}": [f"registered with {type(model_admin).__name__}"]
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, AuditedModelAdmin)
    }
    assert models, "no model registered with AuditedModelAdmin?"
    missing = _missing(words, {**verbs, **models})
    assert missing == [], (
        "Admin writes without words in the timeline; give them words in history.admin (verbs) or "
        "history.adminObjects (models) in fr.json and en.json, and add them to ADMIN_VERBS or "
        "ADMIN_OBJECTS in HistoryPanel.tsx:\n" + "\n".join(missing)
    )
