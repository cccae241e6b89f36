"""The benchmark server's URLconf: the floor and ceiling views first, then the whole production
URLconf (config.urls) unchanged. Named only by bench/bench_settings.py."""

from django.urls import path

import floor_views
from config.urls import handler500
from config.urls import urlpatterns as production_urlpatterns

urlpatterns = [
    path("bench/floor/dossiers/", floor_views.dossier_list, name="bench-floor-dossiers"),
    path("bench/floor/dossiers/<uuid:dossier_id>/", floor_views.dossier_detail, name="bench-floor-dossier"),
    path(
        "bench/floor/plan-versions/<uuid:version_id>/annotations/",
        floor_views.annotation_list,
        name="bench-floor-annotations",
    ),
    path("bench/ceiling/<slug:name>/", floor_views.ceiling, name="bench-ceiling"),
    *production_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
