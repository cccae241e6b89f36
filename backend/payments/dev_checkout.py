"""The development provider's checkout page: what a payer sees at a provider, in two buttons.
Choosing one sends the provider's signed callback through a worker, and the browser back to the
dossier, as a real provider would. Served only while the development provider is the one in use."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from payments.models import Payment, PaymentState
from payments.providers.dev import callback_body, payment_of_token, sign
from payments.tasks import deliver_dev_callback

OUTCOMES = {"pay": "paid", "cancel": "cancelled", "fail": "failed"}


def _payment(token: str) -> Payment:
    if settings.URBADESK["PAYMENTS"]["PROVIDER"] != "dev":
        raise Http404
    try:
        payment_id = payment_of_token(token)
    except signing.BadSignature:
        raise Http404 from None
    payment = Payment.objects.select_related("dossier").filter(pk=payment_id, provider="dev").first()
    if payment is None:
        raise Http404
    return payment


def _return_url(request: HttpRequest, payment: Payment) -> str:
    return request.build_absolute_uri(f"/dossiers/{payment.dossier_id}?payment={payment.pk}")


# The link's signed token is the credential, as a provider's checkout URL is: no session, no CSRF cookie.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def checkout(request: HttpRequest, token: str) -> HttpResponse:
    payment = _payment(token)
    if request.method == "GET":
        return render(
            request, "payments/dev_checkout.html", {"payment": payment, "open": payment.status == PaymentState.PENDING}
        )
    outcome = OUTCOMES.get(request.POST.get("choice", ""))
    if outcome is None or payment.status != PaymentState.PENDING:
        return HttpResponseRedirect(_return_url(request, payment))
    body = callback_body(payment, outcome)
    signature = sign(body)
    transaction.on_commit(lambda: deliver_dev_callback.send(body.decode(), signature))
    return HttpResponseRedirect(_return_url(request, payment))
