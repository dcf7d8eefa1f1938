from django.apps import AppConfig


class IndikatorConfig(AppConfig):
    name = "indikator"

    def ready(self):
        # Receiver of user_logged_in: a temporary password is remembered in the session at login.
        from . import administrasi  # noqa: F401
