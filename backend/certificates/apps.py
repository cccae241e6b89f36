from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Urban-planning information certificates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from certificates import tasks  # noqa: F401  (declares the actor, so a standalone worker listens on its queue)
