from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Annotations and measurements"

    def ready(self) -> None:
        from annotations import receivers, tasks  # noqa: F401  (carry remarks forward; declare actors)
