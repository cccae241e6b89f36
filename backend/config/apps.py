from django.apps import AppConfig


class ConfigAppConfig(AppConfig):
    """Holds project-wide management commands (serve) and start-up checks."""

    name = "config"
    label = "urbadesk_config"
    verbose_name = "Urbadesk"

    def ready(self) -> None:
        from config import pdf_text  # noqa: F401 (registers its start-up check)
