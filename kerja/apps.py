from django.apps import AppConfig


class KerjaConfig(AppConfig):
    name = "kerja"
