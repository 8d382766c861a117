from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "ttdn.questions"
    label = "questions"
    verbose_name = _("Citizens' questions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import machines  # noqa: F401 - registers the state machine
