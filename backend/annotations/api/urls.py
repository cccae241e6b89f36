from django.urls import path

from annotations.api import views

urlpatterns = [
    path(
        "plan-versions/<uuid:version_id>/annotations/",
        views.VersionAnnotationsView.as_view(),
        name="version-annotations",
    ),
    path(
        "plan-versions/<uuid:version_id>/calibrations/",
        views.VersionCalibrationsView.as_view(),
        name="version-calibrations",
    ),
    path(
        "plan-versions/<uuid:version_id>/annotated.pdf",
        views.AnnotatedPdfView.as_view(),
        name="version-annotated-pdf",
    ),
    path("plan-versions/<uuid:version_id>/annotations.xfdf", views.XfdfExportView.as_view(), name="version-xfdf"),
    path("plan-versions/<uuid:version_id>/import-xfdf/", views.XfdfImportView.as_view(), name="version-import-xfdf"),
    path(
        "plan-versions/<uuid:version_id>/annotations.jsonld",
        views.WebAnnotationView.as_view(),
        name="version-jsonld",
    ),
    path("plan-versions/<uuid:version_id>/viewports/", views.VersionViewportsView.as_view(), name="version-viewports"),
    path("annotation-exports/<uuid:export_id>/", views.AnnotatedExportView.as_view(), name="annotation-export"),
    path("annotations/<uuid:annotation_id>/", views.AnnotationDetailView.as_view(), name="annotation-detail"),
    path(
        "annotations/<uuid:annotation_id>/comments/",
        views.AnnotationCommentsView.as_view(),
        name="annotation-comments",
    ),
]
