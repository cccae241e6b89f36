from django.urls import path

from dossiers.api import lifecycle_views as lv
from dossiers.api import views

urlpatterns = [
    path("procedure-types/", views.ProcedureTypeListView.as_view(), name="procedure-types"),
    path("procedure-types/<str:code>/", views.ProcedureTypeDetailView.as_view(), name="procedure-type-detail"),
    path("procedure-types/<str:code>/fee-quote/", views.FeeQuoteView.as_view(), name="procedure-type-fee-quote"),
    path("dossiers/", views.DossierListCreateView.as_view(), name="dossier-list"),
    path("dossiers/deadlines/", lv.DeadlinesView.as_view(), name="dossier-deadlines"),
    path("dossiers/<uuid:dossier_id>/", views.DossierDetailView.as_view(), name="dossier-detail"),
    path("dossiers/<uuid:dossier_id>/submit/", views.DossierSubmitView.as_view(), name="dossier-submit"),
    path("dossiers/<uuid:dossier_id>/start-check/", lv.StartCheckView.as_view(), name="dossier-start-check"),
    path(
        "dossiers/<uuid:dossier_id>/declare-complete/",
        lv.DeclareCompleteView.as_view(),
        name="dossier-declare-complete",
    ),
    path(
        "dossiers/<uuid:dossier_id>/request-complements/",
        lv.RequestComplementsView.as_view(),
        name="dossier-request-complements",
    ),
    path(
        "dossiers/<uuid:dossier_id>/request-changes/", lv.RequestChangesView.as_view(), name="dossier-request-changes"
    ),
    path("dossiers/<uuid:dossier_id>/resubmit/", lv.ResubmitView.as_view(), name="dossier-resubmit"),
    path("dossiers/<uuid:dossier_id>/decide/", lv.DecideView.as_view(), name="dossier-decide"),
    path("dossiers/<uuid:dossier_id>/close/", lv.CloseView.as_view(), name="dossier-close"),
    path("dossiers/<uuid:dossier_id>/checklist/", lv.ChecklistView.as_view(), name="dossier-checklist"),
    path(
        "dossiers/<uuid:dossier_id>/checklist/<slug:code>/",
        lv.ChecklistItemView.as_view(),
        name="dossier-checklist-item",
    ),
    path("dossiers/<uuid:dossier_id>/requests/", lv.ApplicantRequestsView.as_view(), name="dossier-requests"),
    path("dossiers/<uuid:dossier_id>/follow-ups/", views.DossierFollowUpView.as_view(), name="dossier-follow-ups"),
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
