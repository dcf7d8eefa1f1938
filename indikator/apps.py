from django.apps import AppConfig


class IndikatorConfig(AppConfig):
    name = "indikator"
