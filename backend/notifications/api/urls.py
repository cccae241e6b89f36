from django.urls import path

from notifications.api import views

urlpatterns = [
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path("notifications/unread-count/", views.UnreadCountView.as_view(), name="notifications-unread"),
    path("notifications/read/", views.MarkReadView.as_view(), name="notifications-read"),
    path("notification-preferences/", views.PreferencesView.as_view(), name="notification-preferences"),
    path("webhooks/", views.WebhookListCreateView.as_view(), name="webhooks"),
    path("webhooks/<uuid:webhook_id>/", views.WebhookDetailView.as_view(), name="webhook-detail"),
    path("webhooks/<uuid:webhook_id>/rotate-secret/", views.WebhookRotateSecretView.as_view(), name="webhook-rotate"),
    path("webhooks/<uuid:webhook_id>/ping/", views.WebhookPingView.as_view(), name="webhook-ping"),
    path("webhooks/<uuid:webhook_id>/deliveries/", views.WebhookDeliveryListView.as_view(), name="webhook-deliveries"),
    path(
        "webhook-deliveries/<uuid:delivery_id>/replay/",
        views.WebhookDeliveryReplayView.as_view(),
        name="webhook-delivery-replay",
    ),
]
