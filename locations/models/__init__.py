"""Welkomhuizen (pages.py) and their rooms and bookings (rooms.py)."""

from .pages import (
    Facility,
    LocationIndexPage,
    LocationKind,
    LocationPage,
    LocationPhoto,
    LocationStaff,
    OpeningException,
    OpeningHours,
)
from .rooms import BookingFeed, BookingSeries, Coach, Room, RoomBooking

__all__ = [
    "BookingFeed",
    "BookingSeries",
    "Coach",
    "Facility",
    "LocationIndexPage",
    "LocationKind",
    "LocationPage",
    "LocationPhoto",
    "LocationStaff",
    "OpeningException",
    "OpeningHours",
    "Room",
    "RoomBooking",
]
