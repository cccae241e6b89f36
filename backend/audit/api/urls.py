from django.urls import path

from audit.api.views import AuditVerifyView

urlpatterns = [path("audit/verify/", AuditVerifyView.as_view(), name="audit-verify")]
