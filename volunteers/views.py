"""Volunteers: the sign-up wizard, "My volunteer profile", and the opportunities' "I'm interested"."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import emails, wizard
from .forms import InterestForm, PauseForm
from .models import VolunteerOpportunityPage, VolunteerProfile
from .vocabulary import MatchStatus, slot_label


def _profile(user):
    profile, _created = VolunteerProfile.objects.get_or_create(user=user)
    return profile


@login_required
def wizard_start(request):
    """Where "Sign up as a volunteer" leads: the first unfinished step, or the finished profile."""
    step = wizard.first_unfinished_step(_profile(request.user))
    if step is None:
        return redirect("volunteers:profile")
    return redirect("volunteers:wizard_step", step=step.slug)


@login_required
@require_http_methods(["GET", "POST"])
def wizard_step(request, step):
    step = wizard.STEPS_BY_SLUG.get(step)
    if step is None:
        raise Http404
    profile = _profile(request.user)
    form = wizard.form_for(step, profile, request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The language of the last step filled in is the one they read: their emails follow it.
        profile.language = get_language()
        wizard.save_step(step, profile, form.cleaned_data)
        following = wizard.first_unfinished_step(profile)
        if following is None:
            messages.success(request, _("Thank you! Your volunteer profile is complete."))
            return redirect("volunteers:profile")
        return redirect("volunteers:wizard_step", step=following.slug)
    number = wizard.STEPS.index(step) + 1
    return render(
        request,
        "volunteers/wizard_step.html",
        {
            "step": step,
            "form": form,
            "number": number,
            "total": len(wizard.STEPS),
            "steps": [(s, s.is_done(profile)) for s in wizard.STEPS],
        },
    )


@login_required
def profile_view(request):
    profile = _profile(request.user)
    if not profile.is_complete:
        return redirect("volunteers:wizard")
    matches = profile.matches.select_related("request").filter(
        status__in=[MatchStatus.PROPOSED, MatchStatus.ACTIVE, MatchStatus.ENDED]
    )
    return render(
        request,
        "volunteers/profile.html",
        {
            "profile": profile,
            "steps": wizard.STEPS,
            "slots": [slot_label(slot) for slot in profile.availability],
            "matches": matches,
            "pause_form": PauseForm(initial={"paused_until": profile.paused_until}),
        },
    )


@login_required
@require_POST
def pause(request):
    profile = _profile(request.user)
    form = PauseForm(request.POST)
    if form.is_valid():
        until = form.cleaned_data["paused_until"]
        if until and until < timezone.localdate():
            messages.error(request, _("Choose a date in the future."))
        else:
            profile.paused_until = until
            profile.save(update_fields=["paused_until", "updated_at"])
            messages.success(
                request, _("Paused until %(date)s.") % {"date": until} if until else _("Pause stopped.")
            )
    else:
        messages.error(request, _("This is not a date we understand."))
    return redirect("volunteers:profile")


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request):
    profile = _profile(request.user)
    if request.method == "POST":
        if "undo" in request.POST:
            profile.withdrawn_at = None
            messages.success(request, _("Welcome back: coordinators can match you again."))
        else:
            profile.withdrawn_at = timezone.now()
            messages.success(request, _("You have withdrawn. Coordinators will not propose new matches."))
        profile.save(update_fields=["withdrawn_at", "updated_at"])
        return redirect("volunteers:profile")
    return render(request, "volunteers/withdraw.html", {"profile": profile})


@login_required
def download_data(request):
    """Everything we keep about this volunteer, as JSON (AVG right of access)."""
    profile = _profile(request.user)
    user = request.user
    data = {
        "account": {"email": user.email, "first_name": user.first_name, "last_name": user.last_name},
        "volunteer_profile": {
            "roles": profile.roles,
            "languages": profile.languages,
            "availability": profile.availability,
            "postcode": profile.postcode,
            "wijk": profile.wijk,
            "max_distance_km": profile.max_distance_km,
            "interests": profile.interests,
            "gender": profile.gender,
            "max_matches": profile.max_matches,
            "motivation": profile.motivation,
            "consent_at": profile.consent_at and profile.consent_at.isoformat(),
            "consent_version": profile.consent_version,
            "paused_until": profile.paused_until and profile.paused_until.isoformat(),
            "withdrawn_at": profile.withdrawn_at and profile.withdrawn_at.isoformat(),
            "vog_status": profile.vog_status,
            "vog_date": profile.vog_date and profile.vog_date.isoformat(),
            "email_language": profile.language,
            "programmes": list(profile.programmes.values_list("name", flat=True)),
        },
        "matches": [
            {
                "with": match.request.first_name,
                "status": match.status,
                "proposed_at": match.proposed_at.isoformat(),
                "ended_at": match.ended_at and match.ended_at.isoformat(),
            }
            for match in profile.matches.select_related("request")
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-volunteer-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Delete the account and with it the profile; open matches free their requests first."""
    if request.method == "POST":
        from .matches import release_volunteer

        user = request.user
        profile = VolunteerProfile.objects.filter(user=user).first()
        if profile:
            release_volunteer(profile)
        logout(request)
        user.delete()
        messages.success(request, _("Your account and your volunteer profile are deleted."))
        return redirect("/")
    return render(request, "volunteers/delete_account.html")


@require_http_methods(["GET", "POST"])
def interested(request, page_id):
    """ "I'm interested" in an opportunity: a POST form on its own page, mailed to the coordinators."""
    opportunity = get_object_or_404(
        VolunteerOpportunityPage.objects.live().select_related("programme"), pk=page_id
    )
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.get_full_name(), "email": request.user.email}
    form = InterestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        emails.send(
            "interested",
            opportunity.programme.coordinator_emails(),
            "nl",
            {"opportunity": opportunity, "data": data, "language": get_language()},
            reply_to=[data["email"]],
        )
        return render(request, "volunteers/interested_sent.html", {"opportunity": opportunity})
    return render(request, "volunteers/interested.html", {"opportunity": opportunity, "form": form})


@require_http_methods(["GET", "POST"])
def answer_view(request, token):
    """The volunteer's signed accept/decline link. GET only shows the question (mail scanners open
    links); the answer is a POST. A used, withdrawn or tampered link gets a clear page."""
    from .matches import MatchError, answer, match_for_answer_token

    try:
        match = match_for_answer_token(token)
        if request.method == "POST":
            match = answer(match.pk, accept=request.POST.get("answer") == "accept")
            return render(request, "volunteers/answer_done.html", {"match": match})
        if match.status != MatchStatus.PROPOSED:
            raise MatchError(_("This proposal was already answered or withdrawn."))
    except MatchError as error:
        return render(request, "volunteers/answer_problem.html", {"problem": str(error)}, status=410)
    return render(request, "volunteers/answer.html", {"match": match, "request_": match.request})
