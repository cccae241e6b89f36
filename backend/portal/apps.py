from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Public portal"

    def ready(self) -> None:
        from dossiers.deadlines import register_suspensions
        from portal import tasks  # noqa: F401  (declares the actor, so a standalone worker listens on its queue)
        from portal.inquiries import inquiry_suspensions

        register_suspensions(inquiry_suspensions)
