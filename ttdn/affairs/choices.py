"""Choices of the foreign-affairs register. Values are stable identifiers stored in
the database; labels are what users read (docs/affairs.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


# --- delegations -----------------------------------------------------------------
class Direction(models.TextChoices):
    INCOMING = "in", _("incoming delegation")
    OUTGOING = "out", _("outgoing delegation")


class DelegationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("affairs", "draft")
    SUBMITTED = "submitted", _("submitted")
    UNDER_REVIEW = "under_review", _("under review")
    NEEDS_SUPPLEMENT = "needs_supplement", _("supplement requested")
    CONSULTING = "consulting", _("consulting other agencies")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    IN_PROGRESS = "in_progress", _("travelling")
    HOSTED = "hosted", _("being hosted")
    COMPLETED = "completed", _("completed")
    RESULT_REPORTED = "result_reported", _("result reported")
    CLOSED = "closed", pgettext_lazy("affairs", "closed")
    CANCELLED = "cancelled", _("cancelled")


class MemberRole(models.TextChoices):
    HEAD = "head", _("head of delegation")
    DEPUTY = "deputy", _("deputy head")
    MEMBER = "member", _("member")
    INTERPRETER = "interpreter", _("interpreter")
    PRESS = "press", _("press")


class PassportType(models.TextChoices):
    ORDINARY = "ordinary", _("ordinary passport")
    OFFICIAL = "official", _("official passport")
    DIPLOMATIC = "diplomatic", _("diplomatic passport")


class GuestClass(models.TextChoices):
    """Guest classes of Circular 35/2026/TT-BTC (hosting budget norms)."""

    SPECIAL = "special", _("special class")
    A = "a", _("class A")
    B = "b", _("class B")
    C = "c", _("class C")


class FundingSource(models.TextChoices):
    STATE_BUDGET = "state_budget", _("state budget")
    PARTNER = "partner", _("paid by the partner")
    OWN = "own", _("own funds of the unit")
    MIXED = "mixed", _("several sources")


# --- conferences -------------------------------------------------------------------
class ConferenceStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("affairs", "draft")
    HOSTING_REQUESTED = "hosting_requested", _("in-principle approval requested")
    HOSTING_APPROVED = "hosting_approved", _("in-principle approval given")
    SUBMITTED = "submitted", _("submitted")
    NEEDS_SUPPLEMENT = "needs_supplement", _("supplement requested")
    CONSULTING = "consulting", _("consulting other agencies")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    HELD = "held", _("held")
    RESULT_REPORTED = "result_reported", _("result reported")
    CLOSED = "closed", pgettext_lazy("affairs", "closed")
    SUSPENDED = "suspended", _("suspended")
    CANCELLED = "cancelled", _("cancelled")


class ConferenceFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person in Viet Nam")
    ONLINE = "online", _("online, with at least one end-point in Viet Nam")
    HYBRID = "hybrid", _("in person and online")


class OrganiserKind(models.TextChoices):
    VIETNAMESE = (
        "vietnamese",
        _("Vietnamese agency with foreign participants or funding"),
    )
    FOREIGN = "foreign", _("foreign organisation")


class ForeignRank(models.TextChoices):
    """The highest rank of the foreign participants (Decision 06/2020)."""

    HEAD_OF_STATE = "head_of_state", _("head of state or government")
    MINISTER = "minister", _("minister or equivalent")
    DEPUTY_MINISTER = "deputy_minister", _("deputy minister or equivalent")
    OTHER = "other", _("below deputy minister")


class ApprovalAuthority(models.TextChoices):
    PRIME_MINISTER = "prime_minister", _("the Prime Minister")
    PC_CHAIR = "pc_chair", _("the Chairperson of the provincial People's Committee")


# --- agreements ----------------------------------------------------------------------
class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed (draft)")
    CONSULTING = "consulting", _("consulting other agencies")
    NEEDS_SUPPLEMENT = "needs_supplement", _("supplement requested")
    PM_REFERRAL = "pm_referral", _("referred to the Prime Minister")
    APPROVED_TO_SIGN = "approved_to_sign", _("approved for signing")
    REJECTED = "rejected", _("rejected")
    SIGNED = "signed", _("signed")
    REPORTED = "reported", _("reported after signing")
    IN_FORCE = "in_force", _("in force")
    SUSPENDED = "suspended", _("suspended")
    TERMINATED = "terminated", _("terminated")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EXPIRED = "expired", pgettext_lazy("affairs", "expired")
    CANCELLED = "cancelled", _("cancelled")


class AgreementForm(models.TextChoices):
    """Names an international agreement may carry (treaty names are not allowed,
    Law 70/2020)."""

    AGREEMENT = "agreement", _("agreement (thỏa thuận)")
    MOU = "mou", _("memorandum of understanding")
    MINUTES = "minutes", _("minutes")
    PROGRAMME = "programme", _("cooperation programme")
    PLAN = "plan", _("cooperation plan")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")
    COMMUNIQUE = "communique", _("joint communiqué")
    DECLARATION = "declaration", _("declaration")
    OTHER = "other", _("other name")


class VietnameseParty(models.TextChoices):
    PROVINCIAL_PC = (
        "provincial_pc",
        pgettext_lazy("affairs", "provincial People's Committee"),
    )
    PROVINCIAL_COUNCIL = "provincial_council", _("provincial People's Council")
    DEPARTMENT = "department", _("department of the provincial People's Committee")
    BORDER_COMMUNE = "border_commune", _("border commune People's Committee")
    DISTRICT_PC = "district_pc", _("district People's Committee (before 1/7/2025)")
    MASS_ORGANISATION = (
        "mass_organisation",
        _("provincial branch of a mass organisation"),
    )


# --- aid ----------------------------------------------------------------------------
class AidStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("affairs", "draft")
    SUBMITTED = "submitted", _("submitted")
    NEEDS_SUPPLEMENT = "needs_supplement", _("supplement requested")
    APPRAISING = "appraising", _("being appraised")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    DONOR_NOTIFIED = "donor_notified", _("donor notified")
    IMPLEMENTING = "implementing", _("being implemented")
    COMPLETED = "completed", _("completed")
    FINAL_REPORTED = "final_reported", _("final report sent")
    REVOKED = "revoked", _("approval revoked")
    CANCELLED = "cancelled", _("cancelled")


class AidModality(models.TextChoices):
    PROGRAMME = "programme", _("programme")
    PROJECT = "project", _("project")
    NON_PROJECT = "non_project", _("non-project aid")


class Currency(models.TextChoices):
    VND = "VND", _("Vietnamese đồng (VND)")
    USD = "USD", _("US dollar (USD)")
    EUR = "EUR", _("euro (EUR)")
    OTHER = "other", _("other currency")


# --- NGOs -------------------------------------------------------------------------
class NGOStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("affairs", "draft")
    SUBMITTED = "submitted", _("submitted")
    NEEDS_SUPPLEMENT = "needs_supplement", _("supplement requested")
    ACTIVE = "active", _("operating")
    SUSPENDED = "suspended", _("suspended")
    EXPIRED = "expired", _("registration expired")
    REVOKED = "revoked", _("registration revoked")


class RegistrationKind(models.TextChoices):
    """Decree 58/2022: an operation registration is valid at most 3 years, a
    representative-office registration at most 5 years."""

    OPERATION = "operation", _("operation registration")
    REPRESENTATIVE_OFFICE = (
        "representative_office",
        _("representative office registration"),
    )


# --- press --------------------------------------------------------------------------
class PressVisitStatus(models.TextChoices):
    REQUESTED = "requested", _("requested at the Ministry of Foreign Affairs")
    PERMITTED = "permitted", _("permit issued")
    NOTIFIED = "notified", _("notified to the province")
    GUIDED = "guided", _("guided in the province")
    REPORTED = "reported", _("reported")
    REFUSED = "refused", _("refused")
    CANCELLED = "cancelled", _("cancelled")


class JournalistRole(models.TextChoices):
    REPORTER = "reporter", _("reporter")
    CAMERA = "camera", _("camera operator or photographer")
    PRODUCER = "producer", _("producer or editor")
    INTERPRETER = "interpreter", _("interpreter")
    OTHER = "other", _("other")


# --- deadlines ----------------------------------------------------------------------
class ActivityKind(models.TextChoices):
    """What a deadline rule applies to."""

    DELEGATION_IN = "delegation_in", _("incoming delegation")
    DELEGATION_OUT = "delegation_out", _("outgoing delegation")
    CONFERENCE = "conference", _("international conference")
    AGREEMENT = "agreement", _("international agreement")
    AID = "aid", _("foreign NGO aid")
    NGO = "ngo", _("foreign NGO")
    PRESS_VISIT = "press_visit", _("foreign press visit")


class DeadlineStep(models.TextChoices):
    SUBMISSION = "submission", _("submit the dossier")
    REVIEW = "review", _("process the dossier")
    CONSULTATION = "consultation", _("consulted agencies reply")
    DECISION = "decision", _("decide")
    APPRAISAL = "appraisal", _("appraise")
    DONOR_NOTIFICATION = "donor_notification", _("notify the donor")
    POST_SIGNING_REPORT = "post_signing_report", _("report after signing")
    RESULT_REPORT = "result_report", _("report the result")
    FINAL_REPORT = "final_report", _("send the final report")
    ACTIVITY_PLAN = "activity_plan", _("notify the activity plan")
    RENEWAL = "renewal", _("file the renewal")
    APPLICATION = "application", _("apply to the Ministry of Foreign Affairs")


class DeadlineAnchor(models.TextChoices):
    BEFORE_START = "before_start", _("before the start date")
    AFTER_END = "after_end", _("after the end date")
    AFTER_SUBMISSION = "after_submission", _("after the (last) submission")
    AFTER_CONSULTATION = "after_consultation", _("after consultation began")
    AFTER_DECISION = "after_decision", _("after the approval decision")
    AFTER_SIGNING = "after_signing", _("after signing")
    AFTER_ISSUE = "after_issue", _("after the registration was issued")
    BEFORE_EXPIRY = "before_expiry", _("before the registration expires")


BEFORE_ANCHORS = frozenset({DeadlineAnchor.BEFORE_START, DeadlineAnchor.BEFORE_EXPIRY})


class DeadlineUnit(models.TextChoices):
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")


class ReminderStage(models.TextChoices):
    BEFORE = "before", _("before the deadline")
    AFTER = "after", _("after the deadline (overdue)")
