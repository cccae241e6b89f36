from django.urls import path

from notifications.api import views

urlpatterns = [
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path("notifications/unread-count/", views.UnreadCountView.as_view(), name="notifications-unread"),
    path("notifications/read/", views.MarkReadView.as_view(), name="notifications-read"),
    path("notification-preferences/", views.PreferencesView.as_view(), name="notification-preferences"),
]
