from django.urls import path

from . import booking_views as views

app_name = "locations"

urlpatterns = [
    path("ruimte-boeken/", views.room_search, name="room_search"),
    path("ruimte-boeken/boeken/", views.book_room, name="book"),
    path("ruimte-boeken/mijn-boekingen/", views.my_bookings, name="my_bookings"),
    path("ruimte-boeken/boeking/<int:pk>/annuleren/", views.cancel_booking, name="cancel_booking"),
    path("ruimte-boeken/reeks/<int:pk>/annuleren/", views.cancel_whole_series, name="cancel_series"),
    path("ruimte-boeken/reeks/<int:pk>/terugzetten/", views.add_back_date, name="add_back"),
    path("ruimte-boeken/agenda-vernieuwen/", views.renew_feed, name="renew_feed"),
    path("ruimte-boeken/welkomhuis/<int:pk>/", views.location_week, name="location_week"),
    path("ruimte-boeken/ruimte/<int:pk>/", views.room_week, name="room_week"),
    path("ruimte-boeken/agenda/<str:token>.ics", views.coach_feed, name="coach_feed"),
    path("ruimte-boeken/ruimtes/<str:token>/<int:room_id>.ics", views.room_feed, name="room_feed"),
]
