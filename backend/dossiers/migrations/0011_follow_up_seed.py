"""The occupancy permit and the certificate of conformity follow a granted building permit, and
ask for what proves the works match it."""

from django.db import migrations

FOLLOW = {"PH": ["PC"], "CC": ["PC"]}
EVIDENCE = [
    ("architect-certificate", "Certificat de conformité de l'architecte", "Architect's completion certificate"),
    ("photographs", "Photographies de l'ouvrage achevé", "Photographs of the completed works"),
    ("site-visit-report", "Procès-verbal de visite des lieux", "Site-visit report"),
]


def seed(apps, schema_editor):
    ProcedureType = apps.get_model("dossiers", "ProcedureType")
    ChecklistItem = apps.get_model("dossiers", "ChecklistItem")
    for code, parents in FOLLOW.items():
        procedure = ProcedureType.objects.filter(code=code).first()
        if procedure is None:
            continue
        procedure.follows.add(*ProcedureType.objects.filter(code__in=parents))
        start = ChecklistItem.objects.filter(procedure_type=procedure).count()
        for offset, (item, label_fr, label_en) in enumerate(EVIDENCE):
            ChecklistItem.objects.update_or_create(
                procedure_type=procedure,
                code=item,
                defaults={"label_fr": label_fr, "label_en": label_en, "position": start + offset},
            )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0010_follow_ups"), ("dossiers", "0006_checklists")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
