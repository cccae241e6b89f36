"""What dossiers tells the rest of the project, without knowing who listens."""

from django.dispatch import Signal

# Sent on commit once a plan version is analysed and ready; kwargs: version (PlanVersion).
plan_version_ready = Signal()
