from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def overview(request):
    user = request.user
    return render(
        request,
        "accounts/overview.html",
        {
            "can_use_admin": user.has_perm("wagtailadmin.access_admin"),
            "has_mfa": is_mfa_enabled(user),
        },
    )
