"""Accounts through allauth: verified email, login by code, password reset, rate limits, staff MFA."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from .conftest import add_totp, create_user

pytestmark = pytest.mark.django_db


def code_in(message):
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[0-9]{6})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def totp_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_sign_up_needs_the_code_from_the_email(client):
    response = client.post(
        reverse("account_signup"), {"email": "amal@example.org", "password1": "een-lang-wachtwoord-7"}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="amal@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mail.outbox
    assert message.to == ["amal@example.org"]
    response = client.post(response.url, {"code": code_in(message)})
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified


def test_wrong_verification_code_is_refused_with_a_message(client):
    response = client.post(
        reverse("account_signup"), {"email": "amal@example.org", "password1": "een-lang-wachtwoord-7"}
    )
    response = client.post(response.url, {"code": "WRONG1"})
    assert response.status_code == 200
    assert not EmailAddress.objects.get(email="amal@example.org").verified
    assert b"utrecht-form-field--invalid" in response.content


def test_login_by_code_without_a_password(client):
    create_user("oksana@example.org")
    response = client.post(reverse("account_request_login_code"), {"email": "oksana@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    response = client.post(response.url, {"code": code_in(message)})
    assert response.status_code == 302
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_password_reset_sends_a_link(client):
    create_user("yonas@example.org")
    client.post(reverse("account_reset_password"), {"email": "yonas@example.org"})
    (message,) = mail.outbox
    assert "/account/password/reset/key/" in message.body


def test_repeated_failed_logins_are_rate_limited(client):
    create_user("target@example.org", password="het-goede-wachtwoord-1")
    for n in range(5):
        client.post(reverse("account_login"), {"login": "target@example.org", "password": f"wrong-{n}"})
    # After five misses even the right password is refused for a while.
    response = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": "het-goede-wachtwoord-1"}
    )
    assert response.status_code == 200
    assert b"utrecht-alert--error" in response.content
    assert client.get(reverse("accounts:overview")).status_code == 302


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_staff_without_an_authenticator_must_set_one_up_before_using_the_admin(client):
    create_user("staff@example.org", password="een-lang-wachtwoord-7", is_superuser=True, is_staff=True)
    client.post(reverse("account_login"), {"login": "staff@example.org", "password": "een-lang-wachtwoord-7"})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # allauth asks for the password once more before adding an authenticator.
    response = client.get(response.url)
    assert response.url.startswith(reverse("account_reauthenticate"))
    client.post(response.url, {"password": "een-lang-wachtwoord-7"})
    page = BeautifulSoup(client.get(reverse("mfa_activate_totp")).content, "html.parser")
    secret = page.find(id="authenticator_secret")["value"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_login_asks_for_the_authenticator_code(client):
    user = create_user(
        "staff@example.org", password="een-lang-wachtwoord-7", is_superuser=True, is_staff=True
    )
    secret = add_totp(user)
    response = client.post(
        reverse("account_login"), {"login": "staff@example.org", "password": "een-lang-wachtwoord-7"}
    )
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not logged in yet
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_residents_without_admin_access_are_not_asked_for_mfa(client):
    client.force_login(create_user("resident@example.org"))
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_purge_removes_only_stale_unverified_sign_ups(db):
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from accounts.tasks import purge_unverified_accounts

    old = timezone.now() - timedelta(days=30)
    stale = create_user("stale@example.org", verified=False)
    fresh = create_user("fresh@example.org", verified=False)
    verified = create_user("verified@example.org")
    invited_staff = create_user("invited@example.org", verified=False)
    invited_staff.groups.add(Group.objects.create(name="Staff: X"))
    get_user_model().objects.filter(pk__in=[stale.pk, verified.pk, invited_staff.pk]).update(date_joined=old)

    assert purge_unverified_accounts.delay().get() == 1
    remaining = set(get_user_model().objects.values_list("email", flat=True))
    assert remaining == {fresh.email, verified.email, invited_staff.email}
