"""The starting catalogue: the five permits and four economic authorisations, each with its
description, its own form fields, required documents, deadlines and fee. Starting data that an
administrator adapts to the local law and tariff (amounts are in the deployment's currency)."""

from django.db import migrations


def text(name, title_fr, title_en, **more):
    return name, {"type": "string", "title": title_fr, "x-title-en": title_en, **more}


def number(name, title_fr, title_en, *, kind="number", minimum=0, **more):
    return name, {"type": kind, "title": title_fr, "x-title-en": title_en, "minimum": minimum, **more}


def choice(name, title_fr, title_en, choices):
    return name, {
        "type": "string",
        "title": title_fr,
        "x-title-en": title_en,
        "oneOf": [{"const": c, "title": fr, "x-title-en": en} for c, fr, en in choices],
    }


def flag(name, title_fr, title_en):
    return name, {"type": "boolean", "title": title_fr, "x-title-en": title_en}


def form(*fields, required=()):
    return {
        "type": "object",
        "properties": dict(fields),
        "required": list(required),
        "x-order": [name for name, _field in fields],
    }


BUILT_SURFACE = number("built_surface", "Surface de plancher créée (m²)", "Floor area created (m²)")
DWELLINGS = number("dwellings", "Nombre de logements", "Number of dwellings", kind="integer")
USE = choice(
    "use",
    "Destination",
    "Use",
    [
        ("housing", "Habitation", "Housing"),
        ("commercial", "Commerce ou bureaux", "Shops or offices"),
        ("industrial", "Industrie", "Industry"),
        ("public", "Équipement public", "Public facility"),
        ("mixed", "Mixte", "Mixed"),
    ],
)

# code: (description fr, description en, form, fee (basis, amount, rate, field, minimum, maximum))
PERMITS = {
    "PC": (
        "Construire, agrandir ou surélever un bâtiment.",
        "Build, extend or raise a building.",
        form(BUILT_SURFACE, DWELLINGS, number("floors", "Nombre de niveaux", "Number of storeys", kind="integer"), USE),
        ("per_m2", "0", "10", "built_surface", "500", "100000"),
    ),
    "PH": (
        "Attester qu'un bâtiment achevé peut être habité.",
        "Certify that a finished building may be lived in.",
        form(DWELLINGS),
        ("per_dwelling", "0", "200", "dwellings", "200", None),
    ),
    "CC": (
        "Attester que des travaux achevés sont conformes au permis.",
        "Certify that finished works match their permit.",
        form(BUILT_SURFACE),
        ("fixed", "300", "0", "", None, None),
    ),
    "PL": (
        "Diviser un terrain en lots à bâtir, avec leurs voies et réseaux.",
        "Divide land into building plots, with their roads and networks.",
        form(
            number("lots", "Nombre de lots", "Number of plots", kind="integer"),
            number("site_area", "Superficie du terrain (m²)", "Site area (m²)"),
        ),
        ("per_m2", "0", "2", "site_area", "1000", "200000"),
    ),
    "PD": (
        "Démolir tout ou partie d'un bâtiment.",
        "Demolish all or part of a building.",
        form(number("demolished_surface", "Surface démolie (m²)", "Floor area demolished (m²)")),
        ("fixed", "500", "0", "", None, None),
    ),
}

# code: (name fr, name en, description fr, description en, form, fee, checklist, deadlines)
ECONOMIC = {
    "DOC": (
        "Déclaration d'ouverture de commerce",
        "Shop opening declaration",
        "Déclarer l'ouverture, la reprise ou le changement d'activité d'un commerce.",
        "Declare the opening, takeover or change of activity of a shop.",
        form(
            text("trade_name", "Enseigne commerciale", "Trading name", maxLength=120),
            choice(
                "activity",
                "Activité",
                "Activity",
                [
                    ("retail", "Commerce de détail", "Retail"),
                    ("food", "Restauration", "Food and drink"),
                    ("services", "Services", "Services"),
                    ("other", "Autre", "Other"),
                ],
            ),
            number("sales_area", "Surface de vente (m²)", "Sales area (m²)", minimum=1),
            text("opening_date", "Date d'ouverture prévue", "Planned opening date", format="date"),
            required=("trade_name", "activity", "sales_area"),
        ),
        ("per_m2", "0", "10", "sales_area", "200", "5000"),
        [
            ("lease", "Bail commercial ou titre de propriété", "Commercial lease or title deed"),
            ("trade-register", "Extrait du registre du commerce", "Trade register extract"),
            ("premises-plan", "Plan du local", "Plan of the premises"),
        ],
        (10, 30, "calendar", "tacit_approval"),
    ),
    "EC": (
        "Établissement classé",
        "Classified establishment",
        "Exploiter une activité présentant des risques ou des nuisances (atelier, dépôt, installation industrielle).",
        "Operate an activity with risks or nuisances (workshop, depot, industrial plant).",
        form(
            choice(
                "establishment_class",
                "Classe de l'établissement",
                "Class of establishment",
                [("1", "1re classe", "Class 1"), ("2", "2e classe", "Class 2"), ("3", "3e classe", "Class 3")],
            ),
            text("activity_description", "Description de l'activité", "Description of the activity", maxLength=2000),
            flag("hazardous_substances", "Substances dangereuses stockées", "Hazardous substances stored"),
            number("floor_area", "Surface exploitée (m²)", "Floor area used (m²)"),
            required=("establishment_class", "activity_description"),
        ),
        ("fixed", "1500", "0", "", None, None),
        [
            ("impact-study", "Notice ou étude d'impact", "Impact notice or study"),
            ("site-plan", "Plan de masse", "Site plan"),
            ("safety-notice", "Notice de sécurité et d'hygiène", "Safety and hygiene notice"),
        ],
        (20, 90, "calendar", ""),
    ),
    "IT": (
        "Installation de télécommunications",
        "Telecommunications installation",
        "Installer une antenne-relais ou un pylône de télécommunications.",
        "Install a relay antenna or a telecommunications mast.",
        form(
            text("operator", "Opérateur", "Operator", maxLength=120),
            choice(
                "support",
                "Support",
                "Support",
                [("rooftop", "Toiture", "Rooftop"), ("pylon", "Pylône", "Mast"), ("facade", "Façade", "Façade")],
            ),
            number("antenna_height", "Hauteur de l'antenne (m)", "Antenna height (m)", minimum=0, maximum=200),
            required=("operator", "support", "antenna_height"),
        ),
        ("fixed", "3000", "0", "", None, None),
        [
            ("site-plan", "Plan de situation", "Location plan"),
            ("exposure-simulation", "Simulation d'exposition aux ondes", "Radio-frequency exposure simulation"),
            ("operator-licence", "Licence de l'opérateur", "Operator licence"),
        ],
        (15, 60, "calendar", ""),
    ),
    "EP": (
        "Enseigne publicitaire",
        "Advertising sign",
        "Poser une enseigne ou un dispositif publicitaire visible de la voie publique.",
        "Put up a sign or advertising device visible from the street.",
        form(
            choice(
                "sign_type",
                "Type d'enseigne",
                "Kind of sign",
                [
                    ("wall", "Murale", "Wall"),
                    ("projecting", "En drapeau", "Projecting"),
                    ("freestanding", "Scellée au sol", "Freestanding"),
                    ("rooftop", "En toiture", "Rooftop"),
                ],
            ),
            number("sign_area", "Surface de l'enseigne (m²)", "Sign area (m²)", minimum=0.1),
            flag("illuminated", "Enseigne lumineuse", "Illuminated"),
            required=("sign_type", "sign_area"),
        ),
        ("per_m2", "0", "150", "sign_area", "300", None),
        [
            ("photomontage", "Photomontage de l'enseigne", "Photomontage of the sign"),
            ("site-situation", "Plan de situation", "Location plan"),
        ],
        (10, 30, "calendar", "tacit_approval"),
    ),
}


def _fee(FeeRule, code, fee):
    basis, amount, rate, field, minimum, maximum = fee
    FeeRule.objects.update_or_create(
        procedure_type_id=code,
        defaults={
            "basis": basis,
            "amount": amount,
            "rate": rate,
            "quantity_field": field,
            "minimum": minimum,
            "maximum": maximum,
        },
    )


def seed(apps, schema_editor):
    ProcedureType = apps.get_model("dossiers", "ProcedureType")
    FeeRule = apps.get_model("dossiers", "FeeRule")
    ChecklistItem = apps.get_model("dossiers", "ChecklistItem")
    DeadlineRule = apps.get_model("dossiers", "DeadlineRule")
    for code, (description_fr, description_en, schema, fee) in PERMITS.items():
        ProcedureType.objects.filter(code=code).update(
            category="urban_planning", description_fr=description_fr, description_en=description_en, form_schema=schema
        )
        _fee(FeeRule, code, fee)
    for position, (code, spec) in enumerate(ECONOMIC.items(), start=10):
        name_fr, name_en, description_fr, description_en, schema, fee, checklist, deadlines = spec
        ProcedureType.objects.update_or_create(
            code=code,
            defaults={
                "name_fr": name_fr,
                "name_en": name_en,
                "category": "economic",
                "description_fr": description_fr,
                "description_en": description_en,
                "form_schema": schema,
                "position": position,
            },
        )
        _fee(FeeRule, code, fee)
        for index, (item, label_fr, label_en) in enumerate(checklist):
            ChecklistItem.objects.update_or_create(
                procedure_type_id=code, code=item, defaults={"label_fr": label_fr, "label_en": label_en, "position": index}
            )
        completeness, decision, kind, silence = deadlines
        DeadlineRule.objects.update_or_create(
            procedure_type_id=code, phase="completeness", defaults={"days": completeness, "day_kind": kind}
        )
        DeadlineRule.objects.update_or_create(
            procedure_type_id=code, phase="decision", defaults={"days": decision, "day_kind": kind, "on_silence": silence}
        )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0013_catalogue_and_fees")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
