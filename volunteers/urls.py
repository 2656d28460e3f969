from django.urls import path

from . import ervaringsdeskundige_views, request_views, views

app_name = "volunteers"

urlpatterns = [
    path("vrijwilligers/aanmelden/", views.wizard_start, name="wizard"),
    path("vrijwilligers/aanmelden/<slug:step>/", views.wizard_step, name="wizard_step"),
    path("vrijwilligers/mijn-profiel/", views.profile_view, name="profile"),
    path("vrijwilligers/mijn-profiel/pauze/", views.pause, name="pause"),
    path("vrijwilligers/mijn-profiel/stoppen/", views.withdraw, name="withdraw"),
    path("vrijwilligers/mijn-profiel/gegevens.json", views.download_data, name="download_data"),
    path("vrijwilligers/mijn-profiel/account-verwijderen/", views.delete_account, name="delete_account"),
    path("vrijwilligers/interesse/<int:page_id>/", views.interested, name="interested"),
    path("vrijwilligers/voorstel/<str:token>/", views.answer_view, name="answer"),
    path(
        "ervaringsdeskundigen/aanmelden/", ervaringsdeskundige_views.signup, name="ervaringsdeskundige_signup"
    ),
    path(
        "ervaringsdeskundigen/verwijderen/<str:token>/",
        ervaringsdeskundige_views.remove,
        name="ervaringsdeskundige_remove",
    ),
    path("maatje-aanvragen/", request_views.newcomer_request, name="newcomer_request"),
    path("maatje-aanvragen/coach/", request_views.coach_request, name="coach_request"),
    path("maatje-aanvragen/mijn-aanvragen/", request_views.coach_requests, name="coach_requests"),
    path("maatje-aanvragen/status/<str:token>/", request_views.status_by_link, name="request_status"),
]
