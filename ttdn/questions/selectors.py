"""Reads of citizens' questions.

Back office (:func:`questions_for`): administrators, foreign-affairs officers and
steering-committee members see every question; a focal point the questions
routed to their organisation (and the bodies it took over); nobody else any.
Portal: only published questions and answers (:func:`published`), and the
status of one question by its tracking code (:func:`by_code`), which shows no
personal data."""

from django.db.models import QuerySet
from django.utils import timezone

from ttdn.core.folding import folded_search
from ttdn.core.scoping import scope_by_organisation

from .choices import OPEN_STATUSES, QuestionStatus
from .models import Question


def questions_for(user) -> QuerySet[Question]:
    queryset = Question.objects.select_related("organisation")
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    return scope_by_organisation(queryset, user)


def overdue(queryset: QuerySet[Question], *, on=None) -> QuerySet[Question]:
    """Open questions whose answer is due before *on* (default today, GMT+7)."""
    day = on or timezone.localdate()
    return queryset.filter(status__in=OPEN_STATUSES, due_on__lt=day)


def published(query: str = "") -> QuerySet[Question]:
    queryset = Question.objects.filter(status=QuestionStatus.PUBLISHED).order_by(
        "-published_at", "-pk"
    )
    if query:
        queryset = folded_search(queryset, query, rank=True)
    return queryset.select_related("organisation")


def by_code(code: str) -> Question | None:
    code = (code or "").strip().upper()
    if not code:
        return None
    if not code.startswith("HD-") and len(code) == 8:
        code = f"HD-{code[:4]}-{code[4:]}"
    return Question.objects.filter(code=code).select_related("organisation").first()
