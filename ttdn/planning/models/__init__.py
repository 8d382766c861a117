"""Plans, tasks, progress reports, the steering committee and its meetings
(docs/planning.md).

The shape of task tracking:

* a :class:`Task` belongs to a :class:`Plan` (or comes from a steering-committee
  :class:`Conclusion`) and has one or more :class:`TaskOccurrence` — a single due
  date, or one per month, quarter or half-year;
* :class:`TaskAssignment` says which organisations lead or support it (a target
  group such as "all commune-level People's Committees" is expanded to the
  organisations valid on the assignment date);
* a :class:`WorkItem` is one lead unit's work for one occurrence: the unit of the
  four-way status (``schedule.classify``), of progress reports and of reminders.

State changes happen in ``services.py`` only (explicit actions, all or nothing);
reads and scoping by organisation in ``selectors.py``.
"""

from .base import (
    TimestampedModel,
    document_number,
)
from .committee import (
    CommitteeMember,
    Conclusion,
    Meeting,
    MeetingDocument,
    SteeringCommittee,
)
from .plans import (
    ContentArea,
    Plan,
)
from .progress import (
    ProgressAttachment,
    ProgressFigure,
    ProgressReport,
    Reminder,
)
from .site_settings import (
    PlanningSettings,
)
from .tasks import (
    Task,
    TaskAssignment,
    TaskOccurrence,
    WorkItem,
)

__all__ = [
    "CommitteeMember",
    "Conclusion",
    "ContentArea",
    "Meeting",
    "MeetingDocument",
    "Plan",
    "PlanningSettings",
    "ProgressAttachment",
    "ProgressFigure",
    "ProgressReport",
    "Reminder",
    "SteeringCommittee",
    "Task",
    "TaskAssignment",
    "TaskOccurrence",
    "TimestampedModel",
    "WorkItem",
    "document_number",
]
