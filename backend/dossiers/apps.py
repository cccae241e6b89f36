from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = "Dossiers"

    def ready(self) -> None:
        from dossiers import tasks  # noqa: F401  (declares the actors on the broker)
        from dossiers.selectors import webhook_audience
        from notifications.webhooks import register_audience

        register_audience(webhook_audience)
