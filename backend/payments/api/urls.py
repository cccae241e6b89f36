from django.urls import path

from payments.api import views

urlpatterns = [
    path("dossiers/<uuid:dossier_id>/payments/", views.DossierPaymentsView.as_view(), name="dossier-payments"),
    path("dossiers/<uuid:dossier_id>/fee/", views.DossierFeeView.as_view(), name="dossier-fee"),
    path("payments/<uuid:payment_id>/", views.PaymentDetailView.as_view(), name="payment-detail"),
    path("payments/<uuid:payment_id>/receipt/", views.PaymentReceiptView.as_view(), name="payment-receipt"),
    path("payments/<uuid:payment_id>/refund/", views.PaymentRefundView.as_view(), name="payment-refund"),
    path("payments/callbacks/<slug:provider>/", views.PaymentCallbackView.as_view(), name="payment-callback"),
]
