from django.apps import AppConfig


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = "SAKIP"

    def ready(self):
        from . import middleware  # noqa: F401  (connects the login signal that starts the session clock)
