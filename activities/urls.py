from django.urls import path

from . import registration_views as views

app_name = "activities"

urlpatterns = [
    path("aanmelden/<int:occurrence_id>/", views.register_view, name="register"),
    path("aanmelding/<str:token>/", views.registration_view, name="registration"),
    path("aanmelding/<str:token>/annuleren/", views.cancel_view, name="cancel_registration"),
    path("aanmelding/<str:token>/agenda.ics", views.registration_ics, name="registration_ics"),
    path("account/aanmeldingen/", views.my_registrations, name="my_registrations"),
]
