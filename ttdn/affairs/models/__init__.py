"""The foreign-affairs register: delegations, international conferences,
international agreements, foreign NGO aid, foreign NGOs and foreign press visits
(docs/affairs.md), plus the deadline rules, the workflow history and the reminder
log.

Every record belongs to an ``organisation`` (the host or sending unit, the
organiser, the Vietnamese party, the recipient…): scoping by organisation
(``selectors.records_for``) and the workflow (``machines.py``) use it. State
changes go through ``workflow.perform_transition`` only; writes through
``services.py``. Nothing here runs business logic on ``save()`` besides refreshing
the folded search text.
"""

from .agreements import InternationalAgreement
from .aid import AidPackage, ForeignNGO
from .base import RegisterRecord
from .conferences import ConferenceCountry, InternationalConference
from .delegations import (
    Delegation,
    DelegationCountry,
    DelegationMember,
    DelegationPartner,
)
from .press import ForeignPressVisit, Journalist
from .rules import DeadlineRule, ReminderLog

__all__ = [
    "RegisterRecord",
    "Delegation",
    "DelegationMember",
    "DelegationCountry",
    "DelegationPartner",
    "InternationalConference",
    "ConferenceCountry",
    "InternationalAgreement",
    "AidPackage",
    "ForeignNGO",
    "ForeignPressVisit",
    "Journalist",
    "DeadlineRule",
    "ReminderLog",
]
