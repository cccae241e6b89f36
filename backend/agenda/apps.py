from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = "Agenda and booking"

    def ready(self) -> None:
        from agenda.closed_days import closed_days_for
        from dossiers.deadlines import register_closed_days

        register_closed_days(closed_days_for)
