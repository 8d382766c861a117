"""Writes to plans, tasks, progress reports and the steering committee, one
module per entity.

Every function checks everything first and then saves all or nothing; a refused
action raises ``ValidationError`` whose messages name the field and the problem
in the user's language, and changes nothing. Every write leaves its audit entry
(``ttdn.core.audit``). State changes are actions on the workflow engine
(``machines.py``), never side effects of ``save()``.
"""

from .committee import (
    committee_add_member,
    committee_delete,
    committee_errors,
    committee_save,
    meeting_delete,
    meeting_errors,
    meeting_save,
)
from .plans import (
    plan_actions_available,
    plan_close,
    plan_create,
    plan_delete,
    plan_issue,
    plan_return_to_draft,
    plan_save,
    plan_start_execution,
    plan_submit_for_consultation,
    plan_transition,
)
from .progress import (
    progress_report_accept,
    progress_report_return,
    progress_report_save,
    progress_report_submit,
)
from .reminders import (
    ReminderRun,
    send_deadline_reminders,
)
from .tasks import (
    TaskInput,
    conclusion_create_tasks,
    expand_group,
    task_create,
    task_delete,
    task_input_from,
    task_save,
)

__all__ = [
    "ReminderRun",
    "TaskInput",
    "committee_add_member",
    "committee_delete",
    "committee_errors",
    "committee_save",
    "conclusion_create_tasks",
    "expand_group",
    "meeting_delete",
    "meeting_errors",
    "meeting_save",
    "plan_actions_available",
    "plan_close",
    "plan_create",
    "plan_delete",
    "plan_issue",
    "plan_return_to_draft",
    "plan_save",
    "plan_start_execution",
    "plan_submit_for_consultation",
    "plan_transition",
    "progress_report_accept",
    "progress_report_return",
    "progress_report_save",
    "progress_report_submit",
    "send_deadline_reminders",
    "task_create",
    "task_delete",
    "task_input_from",
    "task_save",
]
