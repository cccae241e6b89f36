"""Allotment permits go through a public inquiry of 15 days (data: an administrator changes it)."""

from django.db import migrations


def seed(apps, schema_editor):
    InquiryRule = apps.get_model("portal", "InquiryRule")
    ProcedureType = apps.get_model("dossiers", "ProcedureType")
    if ProcedureType.objects.filter(code="PL").exists():
        InquiryRule.objects.get_or_create(procedure_type_id="PL", defaults={"days": 15})


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_inquiries"), ("dossiers", "0002_procedure_types")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
