from django.urls import path

from signatures.api import views

urlpatterns = [
    path("dossiers/<uuid:dossier_id>/decision-document/", views.DecisionDocumentView.as_view(), name="decision-doc"),
    path("dossiers/<uuid:dossier_id>/authorised-plans/", views.AuthorisedPlansView.as_view(), name="authorised-plans"),
    path("dossiers/<uuid:dossier_id>/documents/", views.DossierDocumentsView.as_view(), name="dossier-documents"),
    path(
        "dossiers/<uuid:dossier_id>/signer-candidates/",
        views.DossierSignerCandidatesView.as_view(),
        name="dossier-signer-candidates",
    ),
    path("sessions/<uuid:session_id>/minutes/", views.SessionMinutesView.as_view(), name="session-minutes"),
    path(
        "sessions/<uuid:session_id>/signer-candidates/",
        views.SessionSignerCandidatesView.as_view(),
        name="session-signer-candidates",
    ),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
    path("documents/<uuid:document_id>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<uuid:document_id>/sign/", views.DocumentSignView.as_view(), name="document-sign"),
    path("documents/<uuid:document_id>/withdraw/", views.DocumentWithdrawView.as_view(), name="document-withdraw"),
    path("verify/", views.VerifyUploadView.as_view(), name="verify-upload"),
    path("verify/<str:code>/", views.VerifyCodeView.as_view(), name="verify-code"),
]
