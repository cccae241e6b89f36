from django.urls import path

from dossiers.api import views

urlpatterns = [
    path("procedure-types/", views.ProcedureTypeListView.as_view(), name="procedure-types"),
    path("dossiers/", views.DossierListCreateView.as_view(), name="dossier-list"),
    path("dossiers/<uuid:dossier_id>/", views.DossierDetailView.as_view(), name="dossier-detail"),
    path("dossiers/<uuid:dossier_id>/submit/", views.DossierSubmitView.as_view(), name="dossier-submit"),
    path("dossiers/<uuid:dossier_id>/history/", views.DossierHistoryView.as_view(), name="dossier-history"),
    path("dossiers/<uuid:dossier_id>/parties/", views.DossierPartiesView.as_view(), name="dossier-parties"),
    path("dossiers/<uuid:dossier_id>/plans/", views.DossierPlansView.as_view(), name="dossier-plans"),
    path("plans/<uuid:plan_id>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("plans/<uuid:plan_id>/versions/", views.PlanVersionsView.as_view(), name="plan-versions"),
    path("plans/<uuid:plan_id>/uploads/", views.PlanUploadCreateView.as_view(), name="plan-uploads"),
    path("uploads/<uuid:upload_id>/complete/", views.UploadCompleteView.as_view(), name="upload-complete"),
    path("plan-versions/<uuid:version_id>/", views.PlanVersionDetailView.as_view(), name="plan-version-detail"),
    path(
        "plan-versions/<uuid:version_id>/sheet-matches/",
        views.SheetComparisonView.as_view(),
        name="plan-version-sheet-matches",
    ),
]
