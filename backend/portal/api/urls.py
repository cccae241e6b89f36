from django.urls import path

from portal.api import views

urlpatterns = [
    path("public/projects/", views.ProjectsGeoJsonView.as_view(), name="public-projects"),
    path("public/projects.csv", views.ProjectsCsvView.as_view(), name="public-projects-csv"),
    path("public/map-config/", views.MapConfigView.as_view(), name="public-map-config"),
    path("public/indicators/", views.IndicatorsView.as_view(), name="public-indicators"),
    path("public/indicators.csv", views.IndicatorsCsvView.as_view(), name="public-indicators-csv"),
    path("public/catalog/", views.CatalogView.as_view(), name="public-catalog"),
    path("indicators/refresh/", views.IndicatorRefreshView.as_view(), name="indicators-refresh"),
]
