from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter


@hooks.register("register_log_actions")
def register_transition_log_action(actions):
    @actions.register_action("ttdn.transition")
    class TransitionFormatter(LogFormatter):
        label = _("Workflow action")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("%(action)s (%(source)s → %(target)s)") % {
                "action": data.get("label", ""),
                "source": data.get("from", ""),
                "target": data.get("to", ""),
            }

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("comment", "")


@hooks.register("register_admin_viewset")
def register_affairs():
    from .viewsets import AffairsViewSetGroup

    return AffairsViewSetGroup()
