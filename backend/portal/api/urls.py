from django.urls import path

from portal.api import inquiry_views, open_data_views, views

urlpatterns = [
    path("public/projects/", views.ProjectsGeoJsonView.as_view(), name="public-projects"),
    path("public/projects.csv", views.ProjectsCsvView.as_view(), name="public-projects-csv"),
    path("public/map-config/", views.MapConfigView.as_view(), name="public-map-config"),
    path("public/indicators/", open_data_views.IndicatorsView.as_view(), name="public-indicators"),
    path("public/indicators.csv", open_data_views.IndicatorsCsvView.as_view(), name="public-indicators-csv"),
    path("public/catalog/", open_data_views.CatalogView.as_view(), name="public-catalog"),
    path("indicators/refresh/", open_data_views.IndicatorRefreshView.as_view(), name="indicators-refresh"),
    path("dossiers/<uuid:dossier_id>/inquiries/", inquiry_views.DossierInquiryView.as_view(), name="dossier-inquiries"),
    path("public/inquiries/", inquiry_views.PublicInquiriesView.as_view(), name="public-inquiries"),
    path(
        "inquiries/<uuid:inquiry_id>/observations/",
        inquiry_views.ObservationListView.as_view(),
        name="inquiry-observations",
    ),
    path(
        "inquiries/<uuid:inquiry_id>/observations.pdf",
        inquiry_views.ObservationsPdfView.as_view(),
        name="inquiry-observations-pdf",
    ),
]
