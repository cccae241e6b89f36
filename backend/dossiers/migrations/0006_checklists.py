"""The documents each procedure requires, as starting data an administrator then edits."""

from django.db import migrations

COMMON = [
    ("site-situation", "Plan de situation", "Location plan"),
    ("title-deed", "Certificat de propriété ou titre foncier", "Title deed or proof of ownership"),
]
CHECKLISTS = {
    "PC": COMMON
    + [
        ("site-plan", "Plan de masse", "Site plan"),
        ("floor-plans", "Plans des niveaux", "Floor plans"),
        ("facades", "Plans des façades", "Façade drawings"),
        ("sections", "Coupes", "Sections"),
        ("notice", "Notice descriptive", "Project description"),
    ],
    "PH": COMMON + [("completion", "Déclaration d'achèvement des travaux", "Declaration of completion")],
    "CC": COMMON + [("completion", "Déclaration d'achèvement des travaux", "Declaration of completion")],
    "PL": COMMON + [("allotment-plan", "Plan de lotissement", "Allotment plan"), ("networks", "Plans des réseaux", "Utility networks")],
    "PD": COMMON + [("demolition-plan", "Plan des bâtiments à démolir", "Plan of the buildings to demolish")],
}


def seed(apps, schema_editor):
    ChecklistItem = apps.get_model("dossiers", "ChecklistItem")
    for procedure, items in CHECKLISTS.items():
        for position, (code, label_fr, label_en) in enumerate(items):
            ChecklistItem.objects.update_or_create(
                procedure_type_id=procedure,
                code=code,
                defaults={"label_fr": label_fr, "label_en": label_en, "position": position},
            )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0005_lifecycle"), ("dossiers", "0002_procedure_types")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
