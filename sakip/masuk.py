"""Login throttling with two limits (django-axes handler, AXES_HANDLER).

AXES_LOCKOUT_PARAMETERS counts failures per (username, client) and per client over all usernames. Axes has one
limit for both; this handler gives the per-client count its own, higher limit (SAKIP_LOGIN_GAGAL_MAKS_KLIEN) so
that a few mistyped passwords in an office behind one address lock nobody else out, while spraying many usernames
from one client is still stopped. There is deliberately no per-username limit across clients: that would let
anyone lock out any named user."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Sum

PARAMETER = [["username", "ip_address"], "ip_address"]


class PenanganMasuk(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """Failures scaled onto AXES_FAILURE_LIMIT: it is reached when either count reaches its own limit."""
        if settings.AXES_LOCKOUT_PARAMETERS != PARAMETER:
            raise ImproperlyConfigured(f"AXES_LOCKOUT_PARAMETERS harus {PARAMETER} untuk {type(self).__name__}.")
        per_nama, per_klien = (
            qs.aggregate(n=Sum("failures_since_start"))["n"] or 0 for qs in self.get_user_attempts(request, credentials)
        )
        batas = settings.AXES_FAILURE_LIMIT
        return max(per_nama, per_klien * batas // settings.SAKIP_LOGIN_GAGAL_MAKS_KLIEN)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears only that username's failures from that client, not the client's failures for
        other usernames (else one valid account would reset a spraying client's count)."""
        username = get_client_username(request, credentials)
        hapus, _ = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address).delete()
        return hapus
