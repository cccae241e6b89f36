"""The authorisation matrix: every operation of openapi/schema.yaml × every actor → its access class.

pretix-style (one row per operation, no endpoint ships without one) and NetBox-style (each actor
asks for the same "own" objects: a foreign one is a 404). The expected answer is a class, not an
exact status, because the gate is what is tested here, not the business rule behind it:

- ALLOW:  the gate let the caller through: anything but 401/403/404 (a 400 for the empty body, a
          409 for the dossier's state, a 200, a 201…);
- DENY:   403, the caller sees the object but may not do this;
- HIDDEN: 404, the object does not exist for the caller (a foreign dossier, someone else's webhook);
- AUTH:   401, no credentials.

Every case also fails on a 5xx, and on an answer that names what the actor may not know (dossier A
for an actor foreign to it, the commission's internal remarks and opinions for the applicant's
side: World.secrets_hidden_from). The world (config/tests/matrix_world.py) is built once for the
module inside a transaction that is rolled back at the end; each case runs in its own savepoint
(pytest-django's `db`), so a write that is allowed changes nothing for the next case. Writes send
`{}` unless the view validates the body before it checks who asks: then BODIES gives a valid one,
so that the check is reached.

A new operation fails `test_every_operation_has_a_rule` until it has a row in RULES, and an
endpoint left out of the schema fails `test_every_endpoint_is_in_the_schema`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.db import transaction
from django.test.utils import override_settings
from rest_framework.test import APIClient
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import AccessToken

from config.tests.matrix_world import ACTORS, World, build_world
from config.tests.routes import routed
from storage import services as storage_services

SCHEMA = Path(__file__).resolve().parents[3] / "openapi" / "schema.yaml"
METHODS = ("get", "post", "put", "patch", "delete")

ALLOW, DENY, HIDDEN, AUTH = "ALLOW", "DENY", "HIDDEN", "AUTH"
CLASS_OF_STATUS = {401: AUTH, 403: DENY, 404: HIDDEN}

# One row per operationId; columns in the order of matrix_world.ACTORS:
#   anon: no credentials            owner: applicant of dossier A     arch: project author, co-party of A
#   f_app: applicant of B only      agent: desk of A's authority      f_agent: desk of another authority
#   member, chair: of commission C, which examines A (dispatched)    f_memb: member of commission C2 only
#   ex_memb: reviewed A for commission C, then left C
#   signer: signing authority of A's authority, next signer of A's decision document
#   admin: administrator
# fmt: off
RULES: dict[str, tuple[str, ...]] = {
    #                                     anon    owner   arch    f_app   agent   f_agent member  chair   f_memb  ex_memb signer  admin
    # accounts and audit
    "auth_token_obtain":                  (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "auth_token_refresh":                 (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "auth_me":                            (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "auth_me_update":                     (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    # the login with an identity provider: browser redirects and a ticket exchange, before any account
    "auth_oidc_config":                   (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "auth_oidc_start":                    (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "auth_oidc_callback":                 (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "auth_oidc_exchange":                 (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "audit_verify":                       (AUTH,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    # dossiers: reads, the applicant's side, the desk's lifecycle
    # the procedure catalogue is public, fee quotes included
    "procedure_types_list":               (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "procedure_types_retrieve":           (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "procedure_types_fee_quote":          (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    # payments: whoever sees the dossier sees its payments; its parties pay; its desk refunds
    "dossiers_payments_list":             (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_payments_create":           (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "payments_retrieve":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "payments_receipt":                   (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "payments_refund":                    (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    # the fee: whoever sees the dossier reads it; its desk sets it
    "dossiers_fee_retrieve":              (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_fee_adjust":                (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    # providers call back server to server: the signature is the credential (an empty body is a 400)
    "payments_callback":                  (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "dossiers_list":                      (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "dossiers_create":                    (AUTH,   ALLOW,  ALLOW,  ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "dossiers_deadlines":                 (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "dossiers_retrieve":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_partial_update":            (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_submit":                    (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_start_check":               (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_checklist":                 (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_checklist_check":           (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_request_complements":       (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_declare_complete":          (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_request_changes":           (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_resubmit":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_decide":                    (AUTH,   DENY,   DENY,   HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_close":                     (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_requests":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_follow_up":                 (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_history":                   (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_parties_list":              (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_parties_create":            (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_plans_list":                (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_plans_create":              (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    # plans, versions, direct uploads (an upload is its opener's alone)
    "plans_retrieve":                     (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plans_versions_list":                (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plans_versions_create":              (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "plans_uploads_create":               (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "uploads_complete":                   (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "plan_versions_retrieve":             (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_sheet_matches":        (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    # commissions: active ones are known to every signed-in user; their people to their own
    "commissions_list":                   (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "commissions_create":                 (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_retrieve":               (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "commissions_partial_update":         (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_members_list":           (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   ALLOW,  ALLOW,  DENY,   DENY,   DENY,   ALLOW),
    "commissions_members_create":         (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commission_members_destroy":         (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_required_bodies_list":   (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "commissions_required_bodies_create": (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "review_tasks_list":                  (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "review_tasks_opinion":               (AUTH,   HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "dossiers_opinions":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_commission_opinion":        (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   ALLOW,  HIDDEN, HIDDEN, DENY,   ALLOW),
    # agenda: planning is the desk's; sessions are seen by the desk and the commission's members
    "commissions_planning_rules_list":    (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_planning_rules_create":  (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_closed_days_list":       (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_closed_days_create":     (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "commissions_generate_sessions":      (AUTH,   DENY,   DENY,   DENY,   ALLOW,  DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "sessions_list":                      (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "sessions_retrieve":                  (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_slots_list":                (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_agenda":                    (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_agenda_pdf":                (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_attendance":                (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_attendance_set":            (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_publish":                   (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_reorder":                   (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "dossiers_available_slots":           (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "bookings_list":                      (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "bookings_create":                    (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "bookings_retrieve":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "bookings_calendar":                  (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "bookings_reschedule":                (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "bookings_cancel":                    (AUTH,   ALLOW,  ALLOW,  HIDDEN, DENY,   HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "calendar_feed_retrieve":             (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    # annotations: the commission's side draws; the applicant's side reads shared remarks and answers
    "plan_versions_annotations_list":     (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_annotations_create":   (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "annotations_retrieve":               (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "annotations_partial_update":         (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "annotations_destroy":                (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "annotations_comments_create":        (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_calibrations_list":    (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_calibrations_set":     (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_viewports_list":       (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_viewports_create":     (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_annotated_pdf":        (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    # The owner's export: the architect sees the same annotations, the commission's side more.
    "annotation_exports_retrieve":        (AUTH,   ALLOW,  ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "plan_versions_annotations_xfdf":     (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_import_xfdf":          (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "plan_versions_annotations_jsonld":   (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    # notifications and webhooks: one's own
    "notifications_list":                 (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "notifications_unread_count":         (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "notifications_mark_read":            (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "notification_preferences":           (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "notification_preferences_set":       (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "webhooks_list":                      (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "webhooks_create":                    (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "webhooks_retrieve":                  (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "webhooks_update":                    (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "webhooks_delete":                    (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "webhooks_rotate_secret":             (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "webhooks_ping":                      (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "webhooks_deliveries":                (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "webhook_deliveries_replay":          (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    # signatures: the desk prepares, the named signers sign, parties see a document once signed
    "dossiers_decision_document":         (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_authorised_plans":          (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "dossiers_signer_candidates":         (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "sessions_minutes":                   (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "sessions_signer_candidates":         (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, HIDDEN, ALLOW),
    "dossiers_documents":                 (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "documents_list":                     (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "documents_retrieve":                 (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "documents_sign":                     (AUTH,   HIDDEN, HIDDEN, HIDDEN, DENY,   HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, ALLOW,  DENY),
    "documents_withdraw":                 (AUTH,   HIDDEN, HIDDEN, HIDDEN, ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, DENY,   ALLOW),
    "verify_upload":                      (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "verify_code":                        (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    # portal: public map, open data, public inquiries
    "public_projects":                    (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "public_projects_csv":                (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "public_map_config":                  (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "public_indicators":                  (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "public_indicators_csv":              (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "public_catalog":                     (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "indicators_refresh":                 (AUTH,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   DENY,   ALLOW),
    "dossiers_inquiries":                 (AUTH,   ALLOW,  ALLOW,  HIDDEN, ALLOW,  HIDDEN, ALLOW,  ALLOW,  HIDDEN, HIDDEN, ALLOW,  ALLOW),
    "dossiers_inquiry_open":              (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "public_inquiries":                   (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "inquiry_observation_submit":         (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "inquiry_observations":               (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    "inquiry_observations_pdf":           (AUTH,   DENY,   DENY,   HIDDEN, ALLOW,  HIDDEN, DENY,   DENY,   HIDDEN, HIDDEN, DENY,   ALLOW),
    # certificates: anyone with an account finds parcels and asks; a request is its requester's (and the admin's)
    "parcels_list":                       (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "certificates_list":                  (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "certificates_create":                (AUTH,   ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "certificates_retrieve":              (AUTH,   ALLOW,  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, ALLOW),
    # health: liveness and readiness, for load balancers and orchestrators
    "health_live":                        (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
    "health_ready":                       (ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW,  ALLOW),
}
# fmt: on

# Bodies for the views that validate their input before they check who asks: with `{}` every caller
# who sees the object would get the same 400 and the check would never be reached.
BODIES: dict[str, Callable[[World], dict[str, Any]]] = {
    "dossiers_follow_up": lambda w: {"procedure_type": "PH"},
    "dossiers_checklist_check": lambda w: {"satisfied": True},
    "dossiers_request_complements": lambda w: {"message": "Il manque le plan de situation."},
    "dossiers_request_changes": lambda w: {"message": "Reculer la façade nord de 3 m."},
    "dossiers_decide": lambda w: {"value": "granted", "text": "Permis accordé."},
    "commissions_create": lambda w: {
        "name": "Commission (matrix, new)",
        "organisation": w.authority.slug,
        "timezone": "Africa/Casablanca",
        "procedure_types": ["PC"],
    },
    "dossiers_commission_opinion": lambda w: {"session": str(w.session.pk)},
    "bookings_create": lambda w: {"dossier": str(w.dossier.pk), "slot": str(w.free_slot.pk)},
    "documents_sign": lambda w: {"password": "not-the-password", "sha256": w.document.sha256},
    "certificates_create": lambda w: {"parcel": w.certificate.parcel.reference, "language": "fr"},
}

# What one was told in the past stays one's own, even about a dossier one may no longer see.
OWN_PAST = {"notifications_list"}

# Required query parameters, by name.
QUERY: dict[str, Callable[[World], Any]] = {
    "revision": lambda w: w.annotation.revision,
    "previous": lambda w: w.previous_version.pk,
}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    path_parameters: tuple[str, ...]
    required_query: tuple[str, ...]
    content_types: tuple[str, ...]


def _operations() -> list[Operation]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when built with it: ten times faster
    schema = yaml.load(SCHEMA.read_text(encoding="utf-8"), Loader=loader)
    found = []
    for path, item in schema["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            parameters = [*shared, *operation.get("parameters", [])]
            found.append(
                Operation(
                    method=method,
                    path=path,
                    operation_id=operation["operationId"],
                    path_parameters=tuple(p["name"] for p in parameters if p.get("in") == "path"),
                    required_query=tuple(p["name"] for p in parameters if p.get("in") == "query" and p.get("required")),
                    content_types=tuple((operation.get("requestBody") or {}).get("content", {})),
                )
            )
    return found


OPERATIONS = _operations()
CASES = [(operation, actor) for operation in OPERATIONS if operation.operation_id in RULES for actor in ACTORS]


def test_every_operation_has_a_rule():
    in_schema = {operation.operation_id for operation in OPERATIONS}
    missing, stale = sorted(in_schema - set(RULES)), sorted(set(RULES) - in_schema)
    assert not missing and not stale, (
        f"Operations without a row in RULES: {missing}. Add one line per operation to RULES in "
        f"{Path(__file__).name}, giving each actor's access class (ALLOW, DENY, HIDDEN, AUTH). "
        f"Rows for operations the schema no longer has: {stale}."
    )


def test_every_rule_has_one_class_per_actor():
    wrong = {
        key: row for key, row in RULES.items() if len(row) != len(ACTORS) or set(row) - {ALLOW, DENY, HIDDEN, AUTH}
    }
    assert not wrong, wrong


# Endpoints that the schema does not describe, each with why it needs no row in RULES.
UNDOCUMENTED = {
    "/api/v1/calendar/{token}.ics": "read by calendar apps: the secret token in its URL is the credential",
    "/api/v1/storage/{token}/": "the filesystem store's signed URLs: the signature is the credential",
}


def _routes() -> Iterator[tuple[str, str]]:
    """(method, path) of every API endpoint Django routes; a function view's method is "*"."""
    for route, callback in routed():
        if route.startswith("api/v1/"):
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
            view = getattr(callback, "cls", None)
            for method in [m for m in METHODS if hasattr(view, m)] if view is not None else ["*"]:
                yield method, path


def test_every_endpoint_is_in_the_schema():
    """So that none escapes the matrix: `extend_schema(exclude=True)` needs an entry in UNDOCUMENTED."""
    documented = {(operation.method, operation.path) for operation in OPERATIONS}
    missing = sorted(
        (method, path)
        for method, path in set(_routes())
        if (method, path) not in documented and path not in UNDOCUMENTED
    )
    assert not missing, (
        f"Endpoints missing from openapi/schema.yaml: {missing}. Regenerate the schema (make schema) and "
        "give each operation its row in RULES, or say in UNDOCUMENTED why it needs none."
    )


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[World]:
    """Built once, in a transaction the module rolls back: nothing outlives the module."""
    root = tmp_path_factory.mktemp("matrix-objects")
    with override_settings(STORAGE_BACKEND="filesystem", STORAGE_FILESYSTEM_ROOT=root):
        storage_services.get_storage.cache_clear()
        with django_db_blocker.unblock(), transaction.atomic():
            world = build_world()
            world.storage_root = root
            yield world
            transaction.set_rollback(True)
    storage_services.get_storage.cache_clear()


@pytest.fixture(autouse=True)
def _filesystem_storage() -> None:
    """Replaces the conftest's store per test: every case reads the files of the module's world."""


@pytest.fixture(scope="module", autouse=True)
def _no_throttles() -> Iterator[None]:
    """Rate limits are not what is tested, and ~1,500 calls from one address would trip them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(APIView, "check_throttles", lambda self, request: None)
        yield


def _url(operation: Operation, world: World) -> str:
    url = operation.path
    for name in operation.path_parameters:
        url = url.replace("{" + name + "}", world.path_value(name, operation.path))
    if operation.required_query:
        missing = [name for name in operation.required_query if name not in QUERY]
        assert not missing, f"Required query parameters without a value in QUERY: {missing}"
        url += "?" + "&".join(f"{name}={QUERY[name](world)}" for name in operation.required_query)
    return url


def _send(client: APIClient, operation: Operation, url: str, world: World):
    method = getattr(client, operation.method)
    if operation.method in ("get", "delete") or not operation.content_types:
        return method(url)
    body = BODIES[operation.operation_id](world) if operation.operation_id in BODIES else {}
    if "application/json" in operation.content_types:
        return method(url, body, format="json")
    if "multipart/form-data" in operation.content_types:
        return method(url, body, format="multipart")
    return method(url, b"", content_type=operation.content_types[0])


def _client(world: World, actor: str) -> APIClient:
    client = APIClient()
    user = world.users[actor]
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.mark.parametrize(
    ("operation", "actor"), CASES, ids=[f"{operation.operation_id}-{actor}" for operation, actor in CASES]
)
def test_authorisation_matrix(matrix_world, db, operation, actor):
    expected = RULES[operation.operation_id][ACTORS.index(actor)]
    url = _url(operation, matrix_world)
    case = f"{operation.method.upper()} {url} ({operation.operation_id}) as {actor}"
    try:
        response = _send(_client(matrix_world, actor), operation, url, matrix_world)
    except Exception as error:
        pytest.fail(f"{case}: the server failed (500): {error!r}")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content[:300]
    assert response.status_code < 500, f"{case}: {response.status_code} {body!r}"
    assert response.resolver_match is not None and response.resolver_match.url_name, (
        f"{case}: the URL reached no endpoint; is the path in the schema right?"
    )
    assert response.status_code not in (405, 429), f"{case}: {response.status_code} {body!r}"
    observed = CLASS_OF_STATUS.get(response.status_code, ALLOW)
    assert observed == expected, f"{case}: expected {expected}, got {response.status_code} {body!r}"
    # Let through or not, the answer names nothing the actor may not know. Public operations may
    # name dossier A (its inquiry is public), never the commission's inner workings; one's inbox
    # keeps what one was told when one could know it.
    public = RULES[operation.operation_id][ACTORS.index("anonymous")] == ALLOW
    secrets = matrix_world.secrets_hidden_from("owner" if public else actor)
    if operation.operation_id in OWN_PAST:
        secrets = {}
    leaked = [label for label, value in secrets.items() if value.encode() in content]
    assert not leaked, f"{case}: the answer shows {', '.join(leaked)}"
