from .buddies import BuddyRequest, Match
from .profiles import ErvaringsdeskundigeProfile, VolunteerProfile
from .programmes import Programme, VolunteerOpportunityIndexPage, VolunteerOpportunityPage

__all__ = [
    "BuddyRequest",
    "ErvaringsdeskundigeProfile",
    "Match",
    "Programme",
    "VolunteerOpportunityIndexPage",
    "VolunteerOpportunityPage",
    "VolunteerProfile",
]
