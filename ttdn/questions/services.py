"""Writes of citizens' questions: receiving one from the portal (routed to the
foreign-affairs body with a deadline in working days), editing the answer in
the back office, and its transitions on the workflow engine. Every write is
validated first, all or nothing, with its audit entry."""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from ttdn.affairs.calendar import add_working_days
from ttdn.core import audit, workflow
from ttdn.core.errors import Errors, model_errors
from ttdn.core.folding import folded
from ttdn.directory.selectors import foreign_affairs_body
from ttdn.pagecache import generation

from .choices import QuestionStatus
from .machines import QUESTION_MACHINE
from .models import Question

ATTACHMENT_COLLECTION = "Hỏi đáp (tệp đính kèm, hạn chế)"
# No 0/O, 1/I/L: a code read over the telephone is typed right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def config() -> dict:
    return settings.TTDN_QUESTIONS


def new_code() -> str:
    while True:
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        code = f"HD-{raw[:4]}-{raw[4:]}"
        if not Question.objects.filter(code=code).exists():
            return code


def attachment_collection() -> Collection:
    """Attachments are seen in the back office only (logged-in users)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=ATTACHMENT_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=ATTACHMENT_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def _search_text(question: Question) -> str:
    return folded(
        question.code,
        question.subject,
        question.name,
        question.question,
        question.answer,
    )


@transaction.atomic
def question_submit(
    *,
    name: str,
    contact: str,
    subject: str,
    question: str,
    topic: str = "",
    language: str = "vi",
    attachment=None,
) -> Question:
    """Receive a question from the portal; *attachment* is an uploaded file
    (already checked by the form). Routed to the foreign-affairs body, due in
    ``TTDN_QUESTIONS["ANSWER_WORKING_DAYS"]`` working days."""
    organisation = foreign_affairs_body()
    if organisation is None:
        raise ValidationError(
            _(
                "Questions cannot be received yet: the portal has no foreign-affairs "
                "body in its directory settings."
            )
        )
    now = timezone.now()
    record = Question(
        code=new_code(),
        name=name,
        contact=contact.strip(),
        subject=subject,
        question=question,
        language=language[:10],
        organisation=organisation,
        received_at=now,
        due_on=add_working_days(
            timezone.localdate(now), config()["ANSWER_WORKING_DAYS"]
        ),
    )
    if topic:
        record.topic = topic
    errors = model_errors(record, exclude=["search_text", "code"])
    errors.raise_if_any()
    if attachment is not None:
        document = get_document_model()(
            title=f"{record.code} — {attachment.name}"[:255],
            collection=attachment_collection(),
        )
        document.file.save(attachment.name, ContentFile(attachment.read()), save=False)
        document._set_document_file_metadata()
        document.save()
        record.attachment = document
    record.search_text = _search_text(record)
    record.save()
    workflow.record_creation(record, user=None)
    audit.log_create(record, user=None)
    return record


@transaction.atomic
def question_save(question: Question, *, user) -> Question:
    """Save the back office's edit (the answer, the topic) while the user's role
    may edit the question in its state."""
    if question.pk is None:
        raise PermissionDenied(_("Questions are received from the portal."))
    stored = Question.objects.select_for_update().get(pk=question.pk)
    question.status = stored.status
    if not QUESTION_MACHINE.can_edit(stored, user):
        raise PermissionDenied(
            _("This question is %(status)s: you cannot change it now.")
            % {"status": stored.get_status_display()}
        )
    errors = Errors()
    errors.extend(model_errors(question, exclude=["search_text", "code"]))
    if question.organisation_id != stored.organisation_id:
        errors.add(
            "organisation",
            _("Responsible organisation: use “Route” to send the question elsewhere."),
        )
    errors.raise_if_any()
    question.search_text = _search_text(question)
    audit.save_logged(question, user=user)
    return question


def question_transition(
    question: Question, action: str, *, user, comment: str = "", values=None
):
    """Perform *action*; publishing or withdrawing updates the portal."""
    entry = workflow.perform_transition(
        question, action, user=user, comment=comment, values=values
    )
    if action in ("publish", "unpublish"):
        generation.bump()
    return entry


def is_open(question: Question) -> bool:
    return question.status in (
        QuestionStatus.RECEIVED,
        QuestionStatus.ASSIGNED,
        QuestionStatus.SUBMITTED,
    )
