from dataclasses import asdict

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.api.serializers import ChainReportSerializer
from audit.services import audit_verify_chain
from config.openapi import errors


class IsAdmin(BasePermission):
    def has_permission(self, request: Request, view: object) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.is_admin)


class AuditVerifyView(APIView):
    permission_classes = [IsAdmin]

    @extend_schema(
        operation_id="audit_verify",
        summary="Verify the audit chain",
        description="Recomputes every event's hash in order and reports the first broken link. Administrators only.",
        responses={200: ChainReportSerializer, **errors(401, 403)},
    )
    def get(self, request: Request) -> Response:
        return Response(ChainReportSerializer(asdict(audit_verify_chain())).data)
