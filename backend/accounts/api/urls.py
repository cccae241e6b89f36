from django.urls import path

from accounts.api import oidc_views, views

urlpatterns = [
    path("auth/token/", views.TokenObtainView.as_view(), name="auth-token"),
    path("auth/token/refresh/", views.TokenRefreshView.as_view(), name="auth-token-refresh"),
    path("auth/me/", views.MeView.as_view(), name="auth-me"),
    path("auth/oidc/", oidc_views.OidcConfigView.as_view(), name="auth-oidc"),
    path("auth/oidc/start/", oidc_views.OidcStartView.as_view(), name="auth-oidc-start"),
    path("auth/oidc/callback/", oidc_views.OidcCallbackView.as_view(), name="auth-oidc-callback"),
    path("auth/oidc/exchange/", oidc_views.OidcExchangeView.as_view(), name="auth-oidc-exchange"),
]
