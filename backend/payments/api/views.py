"""HTTP layer of payments: the applicant pays a dossier's fee, the desk refunds, providers call back."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.exceptions import Conflict
from config.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from config.openapi import errors
from config.throttling import PublicView
from dossiers.lifecycle import is_desk, is_party
from dossiers.models import DossierStatus
from dossiers.selectors import dossier_get_for_user
from payments import selectors, services
from payments.api import serializers as s
from payments.models import Payment
from payments.providers import BadCallback
from payments.receipts import receipt_pdf

logger = logging.getLogger(__name__)


class DossierPaymentsView(generics.ListAPIView):
    serializer_class = s.PaymentSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator, without a dossier
            return Payment.objects.none()
        self.dossier = dossier_get_for_user(user=self.request.user, dossier_id=self.kwargs["dossier_id"])
        return selectors.payment_list(user=self.request.user, dossier=self.dossier)

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        if hasattr(self, "dossier"):
            context["is_desk"] = is_desk(self.request.user, self.dossier)
        return context

    @extend_schema(
        operation_id="dossiers_payments_list",
        summary="List a dossier's payments",
        description="Every payment attempt of the dossier's fee, newest first, with its refunds and receipt.",
        responses={200: s.PaymentSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="dossiers_payments_create",
        summary="Pay a dossier's fee online",
        description=(
            "Opens a checkout at the payment provider for the fee the dossier owes (fixed at submission) and "
            "answers where to send the payer's browser (`redirect_url`). The provider brings them back to "
            "`/dossiers/{id}?payment={payment id}`; the payment becomes `paid` when the provider's signed "
            "callback arrives, a moment later. A checkout still open is handed out again. The dossier's "
            "applicant or project author only; 409 when nothing is owed or online payment is off."
        ),
        request=s.PaymentStartSerializer,
        responses={201: s.PaymentStartedSerializer, **errors(400, 401, 403, 404, 409)},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @idempotent
    def post(self, request: Request, dossier_id) -> Response:
        dossier = dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        if not is_party(request.user, dossier):
            raise PermissionDenied(_("Only the dossier's applicant or project author pays its fee."))
        payment = services.payment_start(actor=request.user, dossier=dossier, site_url=request.build_absolute_uri("/"))
        return Response(s.PaymentStartedSerializer(payment).data, status=status.HTTP_201_CREATED)


def _fee(request: Request, dossier) -> Response:
    position = services.fee_position(dossier)
    data = {
        "fee_amount": dossier.fee_amount,
        "fee_currency": dossier.fee_currency,
        "payment_status": dossier.payment_status,
        "paid_amount": position.paid,
        "amount_due": position.due,
        "can_adjust": is_desk(request.user, dossier) and dossier.status != DossierStatus.DRAFT,
    }
    return Response(s.DossierFeeSerializer(data).data)


class DossierFeeView(APIView):
    @extend_schema(
        operation_id="dossiers_fee_retrieve",
        summary="A dossier's fee and what is still due",
        description="The fee (fixed at submission, or since set by the desk), what was paid and kept, what is due.",
        responses={200: s.DossierFeeSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        return _fee(request, dossier_get_for_user(user=request.user, dossier_id=dossier_id))

    @extend_schema(
        operation_id="dossiers_fee_adjust",
        summary="Set a dossier's fee",
        description=(
            "The desk of the dossier's authority sets the fee a submitted dossier owes, with the reason (told to "
            "its applicant and project author, and kept in the history): another surface found during the "
            "instruction, an exemption (0). What was paid counts: the applicant then pays the difference online, "
            "or the desk refunds a surplus. 403 for anyone else; 409 before submission."
        ),
        request=s.FeeAdjustSerializer,
        responses={200: s.DossierFeeSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, dossier_id) -> Response:
        dossier = dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        if not is_desk(request.user, dossier):  # before reading the body: a 403, not a 400
            raise PermissionDenied(str(services.NOT_THE_DESK))
        serializer = s.FeeAdjustSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        dossier = services.fee_adjust(actor=request.user, dossier=dossier, **serializer.validated_data)
        return _fee(request, dossier)


def _payment(request: Request, payment_id) -> tuple:
    payment = selectors.payment_get_for_user(user=request.user, payment_id=payment_id)
    return payment, {"is_desk": is_desk(request.user, payment.dossier)}


class PaymentDetailView(APIView):
    @extend_schema(
        operation_id="payments_retrieve",
        summary="Get a payment",
        description="One payment of a dossier you may see: the SPA asks it after the provider sends the payer back.",
        responses={200: s.PaymentSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, payment_id) -> Response:
        payment, context = _payment(request, payment_id)
        return Response(s.PaymentSerializer(payment, context=context).data)


class PaymentReceiptView(APIView):
    @extend_schema(
        operation_id="payments_receipt",
        summary="The receipt of a payment",
        description="The receipt as an A4 PDF, in the request's language, once the payment is paid (409 before).",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **errors(401, 404, 409)},
    )
    def get(self, request: Request, payment_id) -> HttpResponse:
        payment, _context = _payment(request, payment_id)
        if not payment.receipt_number:
            raise Conflict(_("There is no receipt before the payment is received."))
        pdf = receipt_pdf(payment, language=(get_language() or "fr")[:2])
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="receipt-{payment.receipt_number}.pdf"'
        return response


class PaymentRefundView(APIView):
    @extend_schema(
        operation_id="payments_refund",
        summary="Refund a payment",
        description=(
            "Gives back part or all of a paid fee through the provider and records why. Desk agents of the "
            "dossier's authority only. The dossier shows `refunded` once everything paid is given back."
        ),
        request=s.RefundRequestSerializer,
        responses={200: s.PaymentSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, payment_id) -> Response:
        payment, context = _payment(request, payment_id)
        if not context["is_desk"]:
            raise PermissionDenied(_("Only the desk of the dossier's authority refunds its fee."))
        serializer = s.RefundRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        payment = services.payment_refund(actor=request.user, payment=payment, **serializer.validated_data)
        payment, context = _payment(request, payment.pk)
        return Response(s.PaymentSerializer(payment, context=context).data)


class PaymentCallbackView(PublicView):
    """Providers call it server to server; the signature, not an account, says who speaks."""

    @extend_schema(
        operation_id="payments_callback",
        summary="A payment provider's callback",
        description=(
            "Where the payment provider reports a payment (Stripe: point the account's webhook here with the "
            "provider name `stripe`). The body is the provider's own; its signature header is checked, and an "
            "event is booked once however often it arrives (`duplicate: true` the next times). 400 for a bad or "
            "stale signature, an unknown payment or an amount that is not the one asked for: nothing is booked."
        ),
        request={"application/json": OpenApiTypes.OBJECT},
        parameters=[OpenApiParameter("provider", OpenApiTypes.STR, OpenApiParameter.PATH, enum=["dev", "stripe"])],
        responses={200: s.CallbackAnswerSerializer, **errors(400, 404, 429)},
    )
    def post(self, request: Request, provider: str) -> Response:
        try:
            settled = services.callback_receive(
                provider_name=provider, body=request.body, headers=dict(request.headers)
            )
        except BadCallback as refusal:
            logger.warning("payment callback from %s refused: %s", provider, refusal)
            raise ValidationError(_("The callback was refused.")) from refusal
        return Response({"received": True, "duplicate": settled.duplicate})
