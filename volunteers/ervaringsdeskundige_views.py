"""The very plain sign-up of ervaringsdeskundigen (former inburgeraars). No account needed."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from .forms import ErvaringsdeskundigeForm
from .invitations import RemovalLinkError, person_for_removal_token
from .models import ErvaringsdeskundigeProfile
from .vocabulary import PRIVACY_STATEMENT_VERSION


@require_http_methods(["GET", "POST"])
def signup(request):
    form = ErvaringsdeskundigeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = ErvaringsdeskundigeProfile.objects.create(
            first_name=data["first_name"],
            email=data["email"],
            year_of_arrival=data["year_of_arrival"],
            wishes=data["wishes"],
            availability=data["availability"],
            show_on_location_pages=data["show_on_location_pages"],
            consent_version=PRIVACY_STATEMENT_VERSION,
            language=get_language(),
        )
        person.languages.set(data["languages"])
        person.locations.set(data["locations"])
        return render(request, "volunteers/ervaringsdeskundige_thanks.html", {"person": person})
    return render(request, "volunteers/ervaringsdeskundige_signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def remove(request, token):
    """The personal "remove my details" link of the invitation emails. GET only asks (mail
    scanners open links); the POST deletes. A used or tampered link gets a clear page."""
    try:
        person = person_for_removal_token(token)
    except RemovalLinkError as error:
        return render(request, "volunteers/answer_problem.html", {"problem": str(error)}, status=410)
    if request.method == "POST":
        person.delete()
        return render(request, "volunteers/ervaringsdeskundige_removed.html")
    return render(request, "volunteers/ervaringsdeskundige_remove.html", {"person": person})
