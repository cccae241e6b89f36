from django.conf import settings
from django.contrib import admin
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from config.exceptions import error_body
from config.health import LiveView, ReadyView
from config.throttling import PublicRateLimited

api_v1 = [
    path("health/live/", LiveView.as_view(), name="health-live"),
    path("health/ready/", ReadyView.as_view(), name="health-ready"),
    path("", include("accounts.api.urls")),
    path("", include("audit.api.urls")),
    path("", include("dossiers.api.urls")),
    path("", include("commissions.api.urls")),
    path("", include("agenda.api.urls")),
    path("", include("annotations.api.urls")),
    path("", include("notifications.api.urls")),
    path("", include("signatures.api.urls")),
    path("", include("portal.api.urls")),
    path("", include("certificates.api.urls")),
    path("", include("payments.api.urls")),
    path("", include("storage.urls")),
]


# The schema and its documentation pages answer anyone, within the public rate limit (building
# the schema costs the server far more than the request costs its sender).
class SchemaView(PublicRateLimited, SpectacularAPIView):
    pass


class SwaggerView(PublicRateLimited, SpectacularSwaggerView):
    pass


class RedocView(PublicRateLimited, SpectacularRedocView):
    pass


def spa_index(request: HttpRequest) -> HttpResponse:
    """Client-side routes of the SPA (e.g. /dossiers/…) all load its index.html."""
    index = settings.ENV.frontend_dist / "index.html"
    if not index.is_file():
        return HttpResponse(
            "The single-page app is not built: run `make run` (or `npm run build` in frontend/).",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    return FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")


@csrf_exempt
def api_not_found(request: HttpRequest, *args: object, **kwargs: object) -> JsonResponse:
    body = error_body(status_code=404, error_type="not_found", title="Not found", detail="No such endpoint.")
    return JsonResponse(body, status=404)


urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", RedocView.as_view(url_name="schema"), name="redoc"),
    re_path(r"^api/", api_not_found),
    path("admin/", admin.site.urls),
    path("payments/dev/", include("payments.dev_urls")),
    re_path(r"^(?!static/|admin(?:/|$)|payments/dev/).*$", spa_index),
]


def handler500(request: HttpRequest) -> JsonResponse:
    body = error_body(status_code=500, error_type="server_error", title="Server error", detail="Unexpected error.")
    return JsonResponse(body, status=500)
