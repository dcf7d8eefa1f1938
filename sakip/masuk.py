"""Login throttling (django-axes handler, AXES_HANDLER): a lock per username and client, and a per-client rule that
never stops a correct login of another username (docs/security.md, "Penguncian masuk").

AXES_LOCKOUT_PARAMETERS counts failures per (username, client) and per client over all usernames.

- Per username and client: AXES_FAILURE_LIMIT (5) failures lock that pair for AXES_COOLOFF_TIME.
- Per client: once a client has SAKIP_LOGIN_GAGAL_MAKS_KLIEN (20) failures within the cool-off, it is *throttled*,
  never locked. While throttled, (a) a username without an active account is refused at once, before any password
  is hashed ("coba lagi dalam N menit"; no CPU for a sprayer's guesses), and (b) for an existing account the
  password is checked as always: the right one logs in, a wrong one locks that username from that client at once
  (one guess per account per cool-off instead of five). Both answers are the same lock page, so the page does not
  tell which usernames exist. Another person behind the same address (an office behind one NAT) who types their
  right password logs in whatever the client's count.

There is deliberately no lock per username alone across clients: that would let anyone lock out any named user.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Sum
from django.shortcuts import render

PARAMETER = [["username", "ip_address"], "ip_address"]


def _akun_aktif(username: str | None) -> bool:
    if not username:
        return False
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username, "is_active": True}).exists()


class PenanganMasuk(AxesDatabaseHandler):
    def _hitungan(self, request, credentials) -> tuple[int, int]:
        """(failures of this username from this client, failures of this client) within the cool-off."""
        if settings.AXES_LOCKOUT_PARAMETERS != PARAMETER:
            raise ImproperlyConfigured(f"AXES_LOCKOUT_PARAMETERS harus {PARAMETER} untuk {type(self).__name__}.")
        per_nama, per_klien = (
            qs.aggregate(n=Sum("failures_since_start"))["n"] or 0 for qs in self.get_user_attempts(request, credentials)
        )
        return per_nama, per_klien

    def get_failures(self, request, credentials=None) -> int:
        """The pair's failures; a throttled client's attempt at a username without an active account counts as
        locked (refused before the password check)."""
        per_nama, per_klien = self._hitungan(request, credentials)
        if per_klien >= settings.SAKIP_LOGIN_GAGAL_MAKS_KLIEN and not _akun_aktif(
            get_client_username(request, credentials)
        ):
            return max(per_nama, settings.AXES_FAILURE_LIMIT)
        return per_nama

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        """Record the failure (axes); if the client is throttled, that username is locked from that client now."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False) or self.is_whitelisted(request, credentials):
            return
        per_nama, per_klien = self._hitungan(request, credentials)
        batas = settings.AXES_FAILURE_LIMIT
        if per_klien < settings.SAKIP_LOGIN_GAGAL_MAKS_KLIEN or per_nama >= batas:
            return
        username = get_client_username(request, credentials)
        terakhir = (
            AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address)
            .order_by("-attempt_time")
            .first()
        )
        if terakhir is None:
            return
        AccessAttempt.objects.filter(pk=terakhir.pk).update(
            failures_since_start=terakhir.failures_since_start + batas - per_nama
        )
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send("axes", request=request, username=username, ip_address=request.axes_ip_address)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears only that username's failures from that client, not the client's failures for
        other usernames (else one valid account would reset a spraying client's count)."""
        username = get_client_username(request, credentials)
        hapus, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return hapus


def respons_terkunci(request, original_response=None, credentials=None):
    """The lock page (AXES_LOCKOUT_CALLABLE): the same for a locked pair and a throttled client's unknown username,
    with the wait in minutes."""
    menit = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "registration/terkunci.html", {"menit": menit}, status=settings.AXES_HTTP_RESPONSE_CODE)
