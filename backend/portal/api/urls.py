from django.urls import path

from portal.api import views

urlpatterns = [
    path("public/projects/", views.ProjectsGeoJsonView.as_view(), name="public-projects"),
    path("public/projects.csv", views.ProjectsCsvView.as_view(), name="public-projects-csv"),
    path("public/map-config/", views.MapConfigView.as_view(), name="public-map-config"),
]
