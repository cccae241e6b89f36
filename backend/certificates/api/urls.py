from django.urls import path

from certificates.api import views

urlpatterns = [
    path("parcels/", views.ParcelListView.as_view(), name="parcels"),
    path("certificates/", views.CertificateListView.as_view(), name="certificates"),
    path("certificates/<uuid:certificate_id>/", views.CertificateDetailView.as_view(), name="certificate-detail"),
]
