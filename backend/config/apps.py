from django.apps import AppConfig


class ConfigAppConfig(AppConfig):
    """Holds project-wide management commands (serve)."""

    name = "config"
    label = "urbadesk_config"
    verbose_name = "Urbadesk"
