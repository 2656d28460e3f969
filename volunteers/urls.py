from django.urls import path

from . import views

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
]
