from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from dossiers.models import PaymentStatus
from payments.models import Payment, PaymentState, Refund


class RefundSerializer(serializers.ModelSerializer):
    class Meta:
        model = Refund
        fields = ["amount", "reason", "created_at"]
        read_only_fields = fields


class PaymentSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=PaymentState.choices, read_only=True)
    refunds = RefundSerializer(many=True, read_only=True)
    can_refund = serializers.SerializerMethodField(help_text="You may refund (part of) it now.")
    receipt_url = serializers.SerializerMethodField(help_text="The receipt PDF, once paid.")

    class Meta:
        model = Payment
        fields = [
            "id",
            "dossier",
            "amount",
            "currency",
            "provider",
            "status",
            "refunded_amount",
            "receipt_number",
            "created_at",
            "paid_at",
            "refunds",
            "can_refund",
            "receipt_url",
        ]
        read_only_fields = fields

    def get_can_refund(self, obj: Payment) -> bool:
        return bool(self.context.get("is_desk")) and obj.status == PaymentState.PAID

    def get_receipt_url(self, obj: Payment) -> str | None:
        if not obj.receipt_number:
            return None
        return f"/api/v1/payments/{obj.pk}/receipt/"


class PaymentStartedSerializer(PaymentSerializer):
    redirect_url = serializers.URLField(source="checkout_url", help_text="Send the payer's browser here.")

    class Meta(PaymentSerializer.Meta):
        fields = [*PaymentSerializer.Meta.fields, "redirect_url"]
        read_only_fields = fields


class PaymentStartSerializer(serializers.Serializer):
    """Nothing to choose: the amount is the dossier's fee and the provider the deployment's."""


class RefundRequestSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    reason = serializers.CharField(max_length=500)


class CallbackAnswerSerializer(serializers.Serializer):
    received = serializers.BooleanField()
    duplicate = serializers.BooleanField(help_text="This event was booked before; nothing changed.")


class DossierFeeSerializer(serializers.Serializer):
    fee_amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True, help_text="The fee; null when the procedure charges none."
    )
    fee_currency = serializers.CharField()
    payment_status = serializers.ChoiceField(choices=PaymentStatus.choices)
    paid_amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, help_text="What the payments brought in, less their refunds."
    )
    amount_due = serializers.DecimalField(max_digits=12, decimal_places=2, help_text="What is still to be paid.")
    can_adjust = serializers.BooleanField(help_text="You may set the fee (the desk of the dossier's authority).")


class FeeAdjustSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.00"))
    reason = serializers.CharField(max_length=300, help_text="Why: told to the applicant and kept in the history.")
