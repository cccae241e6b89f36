from django.urls import path

from storage.views import storage_object

urlpatterns = [path("storage/<str:token>/", storage_object, name="storage-object")]
