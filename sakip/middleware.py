"""Security middleware: response headers (CSP, Permissions-Policy, no caching of pages for logged-in users), session
lifetime (idle timeout and absolute limit), the temporary password that must be changed first, and the client
address used by login throttling (django-axes)."""

import ipaddress
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from umum.sandi import KUNCI_SANDI_SEMENTARA

# Session keys: when the user logged in and when they were last active (Unix seconds).
KUNCI_MULAI = "_sakip_mulai"
KUNCI_AKTIF = "_sakip_aktif"
# The activity stamp is written at most once a minute, so an active session is not saved on every request.
JEDA_CATAT_AKTIF = 60


class HeaderKeamananMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response; `Cache-Control: private, no-store` on
    responses to a logged-in user (pages and downloads hold unit data: no shared or back-button cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.SAKIP_CSP)
        response.setdefault("Permissions-Policy", settings.SAKIP_PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            if "Expires" in response:
                del response["Expires"]
        return response


class SesiMiddleware:
    """Logs a user out after SAKIP_SESSION_IDLE_MINUTES without a request, and SAKIP_SESSION_MAKS_JAM hours after
    logging in however active. The session cookie and the stored session expire after the idle time too
    (SESSION_COOKIE_AGE); the activity stamp renews both. Place after AuthenticationMiddleware and
    MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            sesi = request.session
            kini = int(time.time())
            mulai, aktif = sesi.get(KUNCI_MULAI), sesi.get(KUNCI_AKTIF)
            if mulai is None or aktif is None:
                catat_mulai(sesi, kini)
            elif (
                kini - aktif > settings.SAKIP_SESSION_IDLE_MINUTES * 60
                or kini - mulai > settings.SAKIP_SESSION_MAKS_JAM * 3600
            ):
                logout(request)
                messages.info(request, _("Sesi Anda telah berakhir. Silakan masuk lagi."))
            elif kini - aktif >= JEDA_CATAT_AKTIF:
                sesi[KUNCI_AKTIF] = kini
        return self.get_response(request)


class SandiSementaraMiddleware:
    """A user logged in with a temporary password reaches only the password change page (and logout, language):
    every other request is sent there until they have chosen their own. Reads only the session (no query); place
    after SesiMiddleware."""

    TERBUKA = ("password_change", "password_change_done", "logout", "login", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response
        self._jalur: frozenset[str] | None = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.session.get(KUNCI_SANDI_SEMENTARA):
            if self._jalur is None:
                self._jalur = frozenset(reverse(nama) for nama in self.TERBUKA)
            if request.path_info not in self._jalur:
                tujuan = reverse("password_change")
                if request.headers.get("HX-Request"):
                    respons = HttpResponse(status=204)
                    respons["HX-Redirect"] = tujuan
                    return respons
                return redirect(tujuan)
        return self.get_response(request)


def catat_mulai(sesi, kini: int | None = None) -> None:
    kini = int(time.time()) if kini is None else kini
    sesi[KUNCI_MULAI] = kini
    sesi[KUNCI_AKTIF] = kini


@receiver(user_logged_in, dispatch_uid="sakip-sesi-mulai")
def _sesi_mulai(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        catat_mulai(request.session)


def alamat_klien(request) -> str | None:
    """The client's address for login throttling (AXES_CLIENT_IP_CALLABLE) and the access log.

    REMOTE_ADDR, unless SAKIP_TRUSTED_PROXY_HEADER names a header that the reverse proxy sets (e.g.
    HTTP_X_FORWARDED_FOR): then the entry SAKIP_TRUSTED_PROXY_COUNT places from the right, i.e. the address the
    outermost trusted proxy saw. Entries further left are written by the client and never trusted. Only set the
    header when every request comes through that proxy, otherwise a client can choose its own address."""
    remote = request.META.get("REMOTE_ADDR")
    header = settings.SAKIP_TRUSTED_PROXY_HEADER
    if not header:
        return remote
    bagian = [b.strip() for b in request.META.get(header, "").split(",") if b.strip()]
    if not bagian:
        return remote
    calon = bagian[-min(settings.SAKIP_TRUSTED_PROXY_COUNT, len(bagian))]
    try:
        return str(ipaddress.ip_address(calon))
    except ValueError:
        return remote
