from django.apps import AppConfig


class SakipConfig(AppConfig):
    name = "sakip"
    verbose_name = "SAKIP"

    def ready(self):
        from django.urls import register_converter

        from . import middleware  # noqa: F401  (connects the login signal that starts the session clock)
        from .converters import TahunConverter

        register_converter(TahunConverter, "tahun")
