from django.urls import path

from commissions.api import views

urlpatterns = [
    path("commissions/", views.CommissionListCreateView.as_view(), name="commission-list"),
    path("commissions/<uuid:commission_id>/", views.CommissionDetailView.as_view(), name="commission-detail"),
    path("commissions/<uuid:commission_id>/members/", views.CommissionMembersView.as_view(), name="commission-members"),
    path(
        "commissions/<uuid:commission_id>/required-bodies/",
        views.CommissionRequiredBodiesView.as_view(),
        name="commission-required-bodies",
    ),
    path("commission-members/<uuid:member_id>/", views.CommissionMemberDetailView.as_view(), name="member-detail"),
    path("review-tasks/", views.ReviewTaskListView.as_view(), name="review-tasks"),
    path("review-tasks/<uuid:task_id>/opinion/", views.ReviewTaskOpinionView.as_view(), name="review-task-opinion"),
    path("dossiers/<uuid:dossier_id>/opinions/", views.DossierOpinionsView.as_view(), name="dossier-opinions"),
    path(
        "dossiers/<uuid:dossier_id>/commission-opinion/",
        views.CommissionOpinionView.as_view(),
        name="dossier-commission-opinion",
    ),
]
