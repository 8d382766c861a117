from django.apps import AppConfig


class PlainConfig(AppConfig):
    name = "bench.plain"
    label = "benchplain"
    default_auto_field = "django.db.models.BigAutoField"
