from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Public portal"

    def ready(self) -> None:
        from portal import tasks  # noqa: F401  (declares the actor, so a standalone worker listens on its queue)
