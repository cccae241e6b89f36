from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Declares the actors, so that a standalone worker listens on their queues from its start.
        from notifications import tasks  # noqa: F401
