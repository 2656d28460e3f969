from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


class StaffMFARequiredMiddleware:
    """Send admin users without an authenticator app to set one up first.

    Staff see personal data (registrations, volunteers, bookings), so with
    ``STAFF_MFA_REQUIRED`` on, a signed-in user can only reach the Wagtail admin
    once they have TOTP set up; allauth then asks for a code at every login.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if settings.STAFF_MFA_REQUIRED and self._needs_mfa_setup(request):
            messages.warning(
                request,
                _("To protect personal data, set up an authenticator app before you use the admin."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _needs_mfa_setup(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        user = request.user
        return (
            request.path.startswith(self.admin_prefix)
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
            and not is_mfa_enabled(user)
        )
