"""HTTP layer of the agenda: planning, sessions, availability, bookings, calendars."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from agenda import documents, selectors, services
from agenda.api import serializers as s
from agenda.models import BookingStatus, CalendarFeed, ClosedDay, SessionStatus
from commissions import selectors as commission_selectors
from config.exceptions import DomainError
from config.idempotency import IDEMPOTENCY_PARAMETER, idempotent
from config.openapi import errors
from config.throttling import PublicView
from dossiers import selectors as dossier_selectors
from dossiers.deadlines import deadline_of, deadlines_for
from dossiers.permissions import can_edit_dossier

NOT_A_MANAGER = gettext_lazy("Only the desk agents of the commission's authority may do this.")
NOT_A_PARTY = gettext_lazy("Only the dossier's applicant or project author may book for it.")
BAD_RANGE = gettext_lazy("Give `from` and `to` as dates (YYYY-MM-DD), `to` after `from`, at most %(days)d days apart.")


def _require_manager(request: Request, commission) -> None:
    if not commission_selectors.can_manage_commission(request.user, commission):
        raise PermissionDenied(str(NOT_A_MANAGER))


def _managed_commission(request: Request, commission_id):
    commission = commission_selectors.commission_get_for_user(user=request.user, commission_id=commission_id)
    _require_manager(request, commission)
    return commission


def _require_party(request: Request, dossier) -> None:
    if not can_edit_dossier(request.user, dossier):
        raise PermissionDenied(str(NOT_A_PARTY))


def _date_range(request: Request) -> tuple[datetime, datetime]:
    """[from, to) as aware datetimes; defaults to the next 7 days."""
    raw_from, raw_to = request.query_params.get("from"), request.query_params.get("to")
    today = timezone.now().date()
    try:
        start = parse_date(raw_from) if raw_from else today
        end = parse_date(raw_to) if raw_to else (start + timedelta(days=7) if start else None)
    except (ValueError, OverflowError):  # well-formed but impossible (2026-13-01) or past year 9999
        start = end = None
    if start is None or end is None or end <= start or (end - start).days > selectors.MAX_AVAILABILITY_DAYS:
        message = str(BAD_RANGE) % {"days": selectors.MAX_AVAILABILITY_DAYS}
        raise DomainError(message, errors={"from": [message]})
    as_utc = timezone.get_current_timezone()
    return datetime.combine(start, time.min, tzinfo=as_utc), datetime.combine(end, time.min, tzinfo=as_utc)


RANGE_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (UTC), default today."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Day after the last (UTC), default from + 7 days."),
]


# --- planning -------------------------------------------------------------------------


class PlanningRulesView(APIView):
    @extend_schema(
        operation_id="commissions_planning_rules_list",
        summary="List planning rules",
        description="When the commission sits: weekdays, hours, slot length and capacity, booking windows.",
        responses={200: s.PlanningRuleSerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, commission_id) -> Response:
        commission = _managed_commission(request, commission_id)
        return Response(s.PlanningRuleSerializer(commission.planning_rules.all(), many=True).data)

    @extend_schema(
        operation_id="commissions_planning_rules_create",
        summary="Add a planning rule",
        description="Refused if its slots do not fill its hours exactly, or if it overlaps another rule.",
        request=s.PlanningRuleCreateSerializer,
        responses={201: s.PlanningRuleSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, commission_id) -> Response:
        commission = _managed_commission(request, commission_id)
        serializer = s.PlanningRuleCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rule = services.planning_rule_create(actor=request.user, commission=commission, **serializer.validated_data)
        return Response(s.PlanningRuleSerializer(rule).data, status=status.HTTP_201_CREATED)


class ClosedDaysView(APIView):
    @extend_schema(
        operation_id="commissions_closed_days_list",
        summary="List closed days",
        description="Days without sessions: the commission's own and the public holidays of all commissions.",
        responses={200: s.ClosedDaySerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, commission_id) -> Response:
        commission = _managed_commission(request, commission_id)
        days = ClosedDay.objects.filter(Q(commission=commission) | Q(commission__isnull=True)).order_by("date")
        return Response(s.ClosedDaySerializer(days, many=True).data)

    @extend_schema(
        operation_id="commissions_closed_days_create",
        summary="Add a closed day",
        description="No session is generated on that day.",
        request=s.ClosedDayCreateSerializer,
        responses={201: s.ClosedDaySerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, commission_id) -> Response:
        commission = _managed_commission(request, commission_id)
        serializer = s.ClosedDayCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        closed = services.closed_day_add(
            actor=request.user,
            commission=commission,
            day=serializer.validated_data["date"],
            label=serializer.validated_data["label"],
        )
        return Response(s.ClosedDaySerializer(closed).data, status=status.HTTP_201_CREATED)


class GenerateSessionsView(APIView):
    @extend_schema(
        operation_id="commissions_generate_sessions",
        summary="Generate sessions",
        description=(
            "Creates the sessions and slots of the next weeks from the planning rules. Safe to run "
            "again: nothing is duplicated, and a booked slot is never removed."
        ),
        request=s.GenerateSessionsSerializer,
        responses={200: s.GenerationReportSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, commission_id) -> Response:
        commission = _managed_commission(request, commission_id)
        serializer = s.GenerateSessionsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = services.sessions_generate(actor=request.user, commission=commission, **serializer.validated_data)
        return Response(s.GenerationReportSerializer(asdict(report)).data)


# --- sessions and agenda --------------------------------------------------------------


class SessionListView(generics.ListAPIView):
    serializer_class = s.SessionSerializer
    filter_backends: list = []

    def get_queryset(self):
        queryset = selectors.session_list(user=self.request.user)
        start, end = _date_range(self.request) if "from" in self.request.query_params else (None, None)
        if start:
            queryset = queryset.filter(starts_at__gte=start, starts_at__lt=end)
        else:
            queryset = queryset.filter(starts_at__gte=timezone.now() - timedelta(days=1))
        if commission := self.request.query_params.get("commission"):
            queryset = queryset.filter(commission_id=commission)
        return queryset

    @extend_schema(
        operation_id="sessions_list",
        summary="List sessions",
        description="Sessions of the commissions you run or sit on, upcoming by default, with slot and booking counts.",
        parameters=[*RANGE_PARAMETERS, OpenApiParameter("commission", OpenApiTypes.UUID)],
        responses={200: s.SessionSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class SessionDetailView(APIView):
    @extend_schema(
        operation_id="sessions_retrieve",
        summary="Get a session",
        description="One session.",
        responses={200: s.SessionSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, session_id) -> Response:
        session = selectors.session_list(user=request.user).filter(pk=session_id).first()
        if session is None:
            selectors.session_get_for_user(user=request.user, session_id=session_id)  # raises 404
        return Response(s.SessionSerializer(session).data)


class SessionSlotsView(APIView):
    @extend_schema(
        operation_id="sessions_slots_list",
        summary="List a session's slots",
        description="Every slot of the session with its capacity and what remains.",
        responses={200: s.SlotSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, session_id) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        slots = session.slots.select_related("session__commission", "session__rule").order_by("starts_at")
        return Response(s.SlotSerializer(slots, many=True).data)


class SessionPublishView(APIView):
    @extend_schema(
        operation_id="sessions_publish",
        summary="Publish a session's agenda",
        description="Marks the session `published`: its agenda is final and shown to members.",
        request=None,
        responses={200: s.SessionSerializer, **errors(401, 403, 404)},
    )
    def post(self, request: Request, session_id) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        _require_manager(request, session.commission)
        services.session_set_status(actor=request.user, session=session, status=SessionStatus.PUBLISHED)
        return Response(s.SessionSerializer(selectors.session_list(user=request.user).get(pk=session_id)).data)


class SessionAgendaView(APIView):
    @extend_schema(
        operation_id="sessions_agenda",
        summary="A session's agenda",
        description="The ordre du jour: its dossiers in order, with time, reference, applicant, address, procedure, rapporteur.",
        responses={200: s.AgendaItemSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, session_id) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        return _agenda(session)


def _agenda(session) -> Response:
    """The agenda with each dossier's legal deadline against the session's date, so the desk is
    warned before publishing an agenda that would let a deadline pass."""
    items = list(selectors.agenda_items(session=session))
    context = {"deadlines": deadlines_for([item.dossier for item in items])}
    return Response(s.AgendaItemSerializer(items, many=True, context=context).data)


class SessionReorderView(APIView):
    @extend_schema(
        operation_id="sessions_reorder",
        summary="Reorder the agenda",
        description="Give every active booking of the session, in the new order.",
        request=s.ReorderSerializer,
        responses={200: s.AgendaItemSerializer(many=True), **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, session_id) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        _require_manager(request, session.commission)
        serializer = s.ReorderSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.agenda_reorder(
            actor=request.user, session=session, booking_ids=serializer.validated_data["booking_ids"]
        )
        return _agenda(session)


class SessionAgendaPdfView(APIView):
    @extend_schema(
        operation_id="sessions_agenda_pdf",
        summary="The agenda as PDF",
        description="The ordre du jour of the session as a printable A4 PDF.",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **errors(401, 404)},
    )
    def get(self, request: Request, session_id) -> HttpResponse:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        pdf = documents.agenda_pdf(session, selectors.agenda_items(session=session))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="agenda-{session.date.isoformat()}.pdf"'
        return response


# --- availability and bookings --------------------------------------------------------


class AvailableSlotsView(APIView):
    @extend_schema(
        operation_id="dossiers_available_slots",
        summary="Free slots for a dossier",
        description=(
            "The slots you can book now for this dossier, in the commissions that examine its "
            "procedure, between `from` and `to` (at most 62 days), soonest first."
        ),
        parameters=RANGE_PARAMETERS,
        responses={200: s.SlotSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, dossier_id) -> Response:
        dossier = dossier_selectors.dossier_get_for_user(user=request.user, dossier_id=dossier_id)
        start, end = _date_range(request)
        slots = selectors.available_slots(dossier=dossier, start=start, end=end, now=timezone.now())
        deadline = deadline_of(dossier)
        context = {"due_date": deadline.due_date if deadline else None}
        return Response(s.SlotSerializer(slots, many=True, context=context).data)


class BookingListCreateView(generics.ListAPIView):
    serializer_class = s.BookingSerializer
    filter_backends: list = []

    def get_queryset(self):
        queryset = selectors.booking_list(user=self.request.user).order_by("-created_at")
        if dossier := self.request.query_params.get("dossier"):
            queryset = queryset.filter(dossier_id=dossier)
        if state := self.request.query_params.get("status"):
            queryset = queryset.filter(status=state)
        return queryset

    @extend_schema(
        operation_id="bookings_list",
        summary="List bookings",
        description="The bookings of the dossiers you may see, newest first.",
        parameters=[
            OpenApiParameter("dossier", OpenApiTypes.UUID),
            OpenApiParameter("status", OpenApiTypes.STR, enum=[c for c, _ in BookingStatus.choices]),
        ],
        responses={200: s.BookingSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="bookings_create",
        summary="Book a slot",
        description=(
            "Books a slot for a submitted dossier. A slot never takes more dossiers than its "
            "capacity and a dossier holds one booking at a time: a full slot or a second booking is "
            "a 409. The dossier is then dispatched to the commission's reviewers."
        ),
        request=s.BookingCreateSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={201: s.BookingSerializer, **errors(400, 401, 403, 404, 409, 422)},
    )
    @idempotent
    def post(self, request: Request) -> Response:
        serializer = s.BookingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        dossier = dossier_selectors.dossier_get_for_user(
            user=request.user, dossier_id=serializer.validated_data["dossier"]
        )
        _require_party(request, dossier)
        slot = selectors.slot_get(slot_id=serializer.validated_data["slot"])
        booking = services.booking_create(actor=request.user, dossier=dossier, slot=slot)
        booking = selectors.booking_get_for_user(user=request.user, booking_id=booking.pk)
        return Response(s.BookingSerializer(booking, context={"request": request}).data, status=201)


class BookingDetailView(APIView):
    @extend_schema(
        operation_id="bookings_retrieve",
        summary="Get a booking",
        description="One booking, with until when it can be changed and its iCalendar link.",
        responses={200: s.BookingSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, booking_id) -> Response:
        booking = selectors.booking_get_for_user(user=request.user, booking_id=booking_id)
        return Response(s.BookingSerializer(booking, context={"request": request}).data)


class BookingRescheduleView(APIView):
    @extend_schema(
        operation_id="bookings_reschedule",
        summary="Move a booking",
        description="Moves the booking to another slot in one step: if the new slot is full, the old one is kept.",
        request=s.RescheduleSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={200: s.BookingSerializer, **errors(400, 401, 403, 404, 409, 422)},
    )
    @idempotent
    def post(self, request: Request, booking_id) -> Response:
        booking = selectors.booking_get_for_user(user=request.user, booking_id=booking_id)
        _require_party(request, booking.dossier)
        serializer = s.RescheduleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        slot = selectors.slot_get(slot_id=serializer.validated_data["slot"])
        new = services.booking_reschedule(actor=request.user, booking=booking, slot=slot)
        new = selectors.booking_get_for_user(user=request.user, booking_id=new.pk)
        return Response(s.BookingSerializer(new, context={"request": request}).data)


class BookingCancelView(APIView):
    @extend_schema(
        operation_id="bookings_cancel",
        summary="Cancel a booking",
        description="Frees the slot; refused (409, with the deadline) once the cancellation deadline has passed.",
        request=None,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={200: s.BookingSerializer, **errors(401, 403, 404, 409, 422)},
    )
    @idempotent
    def post(self, request: Request, booking_id) -> Response:
        booking = selectors.booking_get_for_user(user=request.user, booking_id=booking_id)
        _require_party(request, booking.dossier)
        services.booking_cancel(actor=request.user, booking=booking)
        booking = selectors.booking_get_for_user(user=request.user, booking_id=booking_id)
        return Response(s.BookingSerializer(booking, context={"request": request}).data)


class BookingCalendarView(APIView):
    @extend_schema(
        operation_id="bookings_calendar",
        summary="The booking as iCalendar",
        description="An .ics file to add the appointment to a calendar.",
        responses={(200, "text/calendar"): OpenApiTypes.BINARY, **errors(401, 404)},
    )
    def get(self, request: Request, booking_id) -> HttpResponse:
        booking = selectors.booking_get_for_user(user=request.user, booking_id=booking_id)
        response = HttpResponse(documents.booking_ics(booking), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{booking.dossier.reference}.ics"'
        return response


class CalendarFeedView(APIView):
    @extend_schema(
        operation_id="calendar_feed_retrieve",
        summary="My sessions' calendar feed",
        description="The private URL a calendar app subscribes to, listing the sessions of your commissions.",
        responses={200: s.CalendarFeedSerializer, **errors(401)},
    )
    def get(self, request: Request) -> Response:
        feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
        url = request.build_absolute_uri(reverse("calendar-feed-ics", kwargs={"token": feed.token}))
        return Response({"url": url})


class CalendarFeedIcsView(PublicView):
    """Read by calendar apps, which send no token header: the URL's secret is the credential
    (and the public rate limit keeps anyone from guessing at it)."""

    @extend_schema(exclude=True)
    def get(self, request: Request, token: str) -> HttpResponse:
        feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
        if feed is None:
            return HttpResponse(status=404)
        sessions = selectors.member_sessions(user=feed.user, now=timezone.now())
        body = documents.sessions_ics(sessions, name="Urbadesk")
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class _Seat:
    """A member and whether they sat (None while nobody recorded it)."""

    def __init__(self, member, present) -> None:
        self.member, self.present = member, present


def _attendance(session) -> Response:
    recorded = {a.member_id: a.present for a in session.attendance.all()}
    seats = [_Seat(m, recorded.get(m.pk)) for m in commission_selectors.member_list(commission=session.commission)]
    return Response(s.AttendanceSerializer(seats, many=True).data)


class SessionAttendanceView(APIView):
    @extend_schema(
        operation_id="sessions_attendance",
        summary="Who sat at a session",
        description="Every active member of the commission, with the body they represent and whether they sat.",
        responses={200: s.AttendanceSerializer(many=True), **errors(401, 404)},
    )
    def get(self, request: Request, session_id) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        return _attendance(session)

    @extend_schema(
        operation_id="sessions_attendance_set",
        summary="Record who sat at a session",
        description="The commission's desk records the members present; the others are recorded absent.",
        request=s.AttendanceSetSerializer,
        responses={200: s.AttendanceSerializer(many=True), **errors(400, 401, 403, 404)},
    )
    def put(self, request: Request, session_id) -> Response:
        session = selectors.session_get_for_user(user=request.user, session_id=session_id)
        _require_manager(request, session.commission)
        serializer = s.AttendanceSetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.attendance_set(actor=request.user, session=session, present=serializer.validated_data["present"])
        return _attendance(session)
