from django.apps import AppConfig


class SignaturesConfig(AppConfig):
    name = "signatures"
    verbose_name = "Signatures"
    default_auto_field = "django.db.models.BigAutoField"
