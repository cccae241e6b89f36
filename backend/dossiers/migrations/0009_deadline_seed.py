"""Starting deadlines per procedure, to be adjusted by an administrator to the local law."""

from django.db import migrations

RULES = {
    # procedure: (completeness days, decision days, day kind, on silence)
    "PC": (20, 60, "calendar", "tacit_approval"),
    "PH": (10, 30, "calendar", "tacit_approval"),
    "CC": (10, 30, "calendar", ""),
    "PL": (20, 90, "calendar", ""),
    "PD": (10, 30, "business", "tacit_refusal"),
}


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("dossiers", "DeadlineRule")
    for procedure, (completeness, decision, kind, silence) in RULES.items():
        DeadlineRule.objects.update_or_create(
            procedure_type_id=procedure, phase="completeness", defaults={"days": completeness, "day_kind": kind}
        )
        DeadlineRule.objects.update_or_create(
            procedure_type_id=procedure,
            phase="decision",
            defaults={"days": decision, "day_kind": kind, "on_silence": silence},
        )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0008_deadline_rules")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
