from django.db import migrations

FR = (
    "La présente décision est délivrée sous réserve des droits des tiers. Elle peut faire l'objet d'un "
    "recours gracieux auprès de {authority} ou d'un recours contentieux devant le tribunal administratif "
    "compétent dans un délai de soixante jours à compter de sa notification. {what} devient caduc si les "
    "travaux ne sont pas commencés dans le délai prévu par la réglementation en vigueur."
)
EN = (
    "This decision is issued subject to the rights of third parties. It may be appealed to {authority} "
    "or before the competent administrative court within sixty days of its notification. {what} lapses "
    "if the works have not started within the period set by the regulations in force."
)
WHAT = {
    "PC": ("Le permis", "The permit"),
    "PH": ("Le permis d'habiter", "The occupancy permit"),
    "CC": ("Le certificat", "The certificate"),
    "PL": ("Le permis de lotir", "The allotment permit"),
    "PD": ("Le permis de démolir", "The demolition permit"),
}


def seed(apps, schema_editor):
    ProcedureType = apps.get_model("dossiers", "ProcedureType")
    DecisionTemplate = apps.get_model("signatures", "DecisionTemplate")
    for procedure in ProcedureType.objects.all():
        what_fr, what_en = WHAT.get(procedure.code, ("La décision", "The decision"))
        DecisionTemplate.objects.get_or_create(
            procedure_type=procedure,
            defaults={
                "legal_mentions_fr": FR.replace("{what}", what_fr),
                "legal_mentions_en": EN.replace("{what}", what_en),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("signatures", "0001_initial"), ("dossiers", "0002_procedure_types")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
