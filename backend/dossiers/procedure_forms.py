"""A procedure's own form: the fields an administrator defines for it as a JSON schema, and the
checking of a dossier's answers against it.

The schema is a deliberately small part of JSON Schema, the part the SPA renders as a form
(frontend/src/features/procedure-forms): one flat object whose properties are text, whole or
decimal numbers, yes/no and choices, each with a French `title` and an English `x-title-en`.
Refusing the rest when the administrator saves keeps every saved schema renderable. PostgreSQL
stores JSON without key order, so the fields' order is kept in `x-order`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError as JsonSchemaError

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
FIELD_TYPES = {"string", "integer", "number", "boolean"}
FIELD_KEYWORDS = {
    "type",
    "title",
    "x-title-en",
    "description",
    "x-description-en",
    "enum",
    "oneOf",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "format",
    "default",
}
TOP_KEYWORDS = {"type", "properties", "required", "x-order", "$schema", "title", "description"}
FORMATS = {"date", "email"}
MAX_FIELDS = 100
_CHECKER = FormatChecker(formats=sorted(FORMATS))

UNKNOWN_FIELD = gettext_lazy("This procedure's form has no such field.")
REQUIRED = gettext_lazy("This field is required.")
NOT_AN_OBJECT = gettext_lazy("Expected an object of the form's fields.")
NUMBER_OUT_OF_RANGE = gettext_lazy("Enter a number below a billion.")
# No surface, count or amount of a permit form comes near it; beyond it, fees and storage overflow
# (and JSON's 1e400 is infinity, which the database refuses).
NUMBER_LIMIT = 10**9


class SchemaError(ValueError):
    """The administrator's schema is not one the SPA can render; each message says where."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def _field_problems(name: str, field: Any) -> list[str]:
    if not FIELD_NAME.match(name):
        return [_("Field name %(name)s: use lowercase letters, digits and underscores.") % {"name": name}]
    if not isinstance(field, dict):
        return [_("Field %(name)s must be an object.") % {"name": name}]
    problems = []
    unknown = sorted(set(field) - FIELD_KEYWORDS)
    if unknown:
        problems.append(
            _("Field %(name)s uses keywords the form cannot show: %(keywords)s.")
            % {"name": name, "keywords": ", ".join(unknown)}
        )
    if field.get("type") not in FIELD_TYPES:
        problems.append(
            _("Field %(name)s: type must be one of %(types)s.")
            % {"name": name, "types": ", ".join(sorted(FIELD_TYPES))}
        )
    if not isinstance(field.get("title"), str) or not field["title"].strip():
        problems.append(_("Field %(name)s needs a French title.") % {"name": name})
    if "format" in field and field["format"] not in FORMATS:
        problems.append(_("Field %(name)s: format must be date or email.") % {"name": name})
    choices = field.get("oneOf")
    if choices is not None and (
        not isinstance(choices, list) or not all(isinstance(c, dict) and "const" in c and "title" in c for c in choices)
    ):
        problems.append(_("Field %(name)s: each choice of oneOf needs a const and a title.") % {"name": name})
    return problems


def normalised_schema(schema: Any) -> dict[str, Any]:
    """The schema as it is stored: checked, with `x-order` naming every field once. An empty
    schema is a procedure without fields of its own."""
    if schema in (None, {}):
        return {}
    if not isinstance(schema, dict) or schema.get("type") != "object" or not isinstance(schema.get("properties"), dict):
        raise SchemaError([_('The form must be {"type": "object", "properties": {…}}.')])
    properties: dict[str, Any] = schema["properties"]
    problems = []
    unknown = sorted(set(schema) - TOP_KEYWORDS)
    if unknown:
        problems.append(_("The form uses keywords it cannot show: %(keywords)s.") % {"keywords": ", ".join(unknown)})
    if len(properties) > MAX_FIELDS:
        problems.append(_("A form has at most %(count)d fields.") % {"count": MAX_FIELDS})
    for name, field in properties.items():
        problems.extend(_field_problems(name, field))
    required = schema.get("required", [])
    if not isinstance(required, list) or not set(required) <= set(properties):
        problems.append(_("required must list fields of the form."))
    order = [n for n in schema.get("x-order", []) if n in properties] if isinstance(schema.get("x-order"), list) else []
    order += [n for n in properties if n not in order]
    normalised = {**schema, "x-order": order}
    if not problems:
        try:
            Draft202012Validator.check_schema(normalised)
        except JsonSchemaError as error:
            problems.append(_("Not a valid JSON schema: %(message)s") % {"message": error.message})
    if problems:
        raise SchemaError(problems)
    return normalised


def _message(error: Any) -> str:
    """Our own words for each failed keyword: jsonschema's are English and name Python values."""
    field = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    if keyword == "type":
        return {
            "integer": _("Enter a whole number."),
            "number": _("Enter a number."),
            "boolean": _("Answer yes or no."),
        }.get(field.get("type"), _("Enter text."))
    if keyword == "minimum":
        return _("Must be at least %(limit)s.") % {"limit": field["minimum"]}
    if keyword == "maximum":
        return _("Must be at most %(limit)s.") % {"limit": field["maximum"]}
    if keyword == "minLength":
        return _("Must be at least %(limit)s characters long.") % {"limit": field["minLength"]}
    if keyword == "maxLength":
        return _("Must be at most %(limit)s characters long.") % {"limit": field["maxLength"]}
    if keyword in ("enum", "oneOf", "const"):
        return _("Choose one of the offered values.")
    if keyword == "format":
        return _("Enter a date as YYYY-MM-DD.") if field.get("format") == "date" else _("Enter an e-mail address.")
    return _("This value is not accepted.")


def _out_of_range(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not math.isfinite(value) or abs(value) >= NUMBER_LIMIT


def form_errors(schema: dict[str, Any], data: Any, *, complete: bool) -> dict[str, list[str]]:
    """Per-field errors of a dossier's answers, keyed `form_data.<field>` as the API reports them.
    A draft may leave required fields empty (`complete=False`); a submission may not."""
    if not isinstance(data, dict):
        return {"form_data": [str(NOT_AN_OBJECT)]}
    properties = (schema or {}).get("properties", {})
    errors: dict[str, list[str]] = {}
    for name in data:
        if name not in properties:
            errors.setdefault(f"form_data.{name}", []).append(str(UNKNOWN_FIELD))
    if complete:
        for name in (schema or {}).get("required", []):
            if data.get(name) in (None, ""):
                errors.setdefault(f"form_data.{name}", []).append(str(REQUIRED))
    answered = {name: value for name, value in data.items() if name in properties and value is not None}
    for name, value in answered.items():
        if _out_of_range(value):
            errors.setdefault(f"form_data.{name}", []).append(str(NUMBER_OUT_OF_RANGE))
    answered = {name: value for name, value in answered.items() if not _out_of_range(value)}
    validator = Draft202012Validator({"type": "object", "properties": properties}, format_checker=_CHECKER)
    for error in validator.iter_errors(answered):
        name = str(error.path[0]) if error.path else "form_data"
        key = f"form_data.{name}" if error.path else name
        message = _message(error)
        if message not in errors.get(key, []):
            errors.setdefault(key, []).append(message)
    return errors


def field_value(schema: dict[str, Any], data: dict[str, Any], name: str) -> Any:
    """One answer, if the form has that field and it was answered."""
    if name not in (schema or {}).get("properties", {}):
        return None
    return data.get(name)
