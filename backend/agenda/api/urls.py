from django.urls import path

from agenda.api import views

urlpatterns = [
    path("commissions/<uuid:commission_id>/planning-rules/", views.PlanningRulesView.as_view(), name="planning-rules"),
    path("commissions/<uuid:commission_id>/closed-days/", views.ClosedDaysView.as_view(), name="closed-days"),
    path(
        "commissions/<uuid:commission_id>/generate-sessions/",
        views.GenerateSessionsView.as_view(),
        name="generate-sessions",
    ),
    path("sessions/", views.SessionListView.as_view(), name="session-list"),
    path("sessions/<uuid:session_id>/", views.SessionDetailView.as_view(), name="session-detail"),
    path("sessions/<uuid:session_id>/slots/", views.SessionSlotsView.as_view(), name="session-slots"),
    path("sessions/<uuid:session_id>/publish/", views.SessionPublishView.as_view(), name="session-publish"),
    path("sessions/<uuid:session_id>/attendance/", views.SessionAttendanceView.as_view(), name="session-attendance"),
    path("sessions/<uuid:session_id>/agenda/", views.SessionAgendaView.as_view(), name="session-agenda"),
    path("sessions/<uuid:session_id>/reorder/", views.SessionReorderView.as_view(), name="session-reorder"),
    path("sessions/<uuid:session_id>/agenda.pdf", views.SessionAgendaPdfView.as_view(), name="session-agenda-pdf"),
    path("dossiers/<uuid:dossier_id>/available-slots/", views.AvailableSlotsView.as_view(), name="available-slots"),
    path("bookings/", views.BookingListCreateView.as_view(), name="booking-list"),
    path("bookings/<uuid:booking_id>/", views.BookingDetailView.as_view(), name="booking-detail"),
    path("bookings/<uuid:booking_id>/reschedule/", views.BookingRescheduleView.as_view(), name="booking-reschedule"),
    path("bookings/<uuid:booking_id>/cancel/", views.BookingCancelView.as_view(), name="booking-cancel"),
    path("bookings/<uuid:booking_id>/calendar.ics", views.BookingCalendarView.as_view(), name="booking-calendar"),
    path("calendar-feed/", views.CalendarFeedView.as_view(), name="calendar-feed"),
    path("calendar/<str:token>.ics", views.CalendarFeedIcsView.as_view(), name="calendar-feed-ics"),
]
