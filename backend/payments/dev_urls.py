from django.urls import path

from payments import dev_checkout

urlpatterns = [
    path("checkout/<str:token>/", dev_checkout.checkout, name="payments-dev-checkout"),
]
