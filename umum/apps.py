from django.apps import AppConfig


class UmumConfig(AppConfig):
    """Shared helpers of every app: numbers and months in Indonesian, number input, private storage, downloads,
    logs, the language middleware, the year URL converter and the `angka` template filters."""

    name = "umum"
    verbose_name = "SAKIP umum"

    def ready(self):
        from django.urls import register_converter

        from .converters import TahunConverter

        register_converter(TahunConverter, "tahun")
