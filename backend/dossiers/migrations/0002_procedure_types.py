from django.db import migrations

PROCEDURE_TYPES = [
    ("PC", "Permis de construire", "Building permit"),
    ("PH", "Permis d'habiter", "Occupancy permit"),
    ("CC", "Certificat de conformité", "Certificate of conformity"),
    ("PL", "Permis de lotir", "Allotment permit"),
    ("PD", "Permis de démolir", "Demolition permit"),
]


def seed(apps, schema_editor):
    ProcedureType = apps.get_model("dossiers", "ProcedureType")
    for position, (code, name_fr, name_en) in enumerate(PROCEDURE_TYPES):
        ProcedureType.objects.update_or_create(
            code=code, defaults={"name_fr": name_fr, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
