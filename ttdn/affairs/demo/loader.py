"""Load the demo register through the services (valid by construction).

* the 2016 Sơn La register (historic records entered after the fact, person counts
  only, two with member lists) whose totals are seed 000's figures;
* a 2020 record of Phú Yên (rolls up to Đắk Lắk after 1/7/2025);
* a current register with a record in every state of every activity type, driven
  there by the workflow actions with their dates in the past (some deadlines
  overdue, some due soon);
* three demo accounts of the register (chuyenvien, daumoi, bcd).

Idempotent: records are keyed by their reference (``DEMO-…``) and only created
when missing; a second run changes nothing.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model

from ttdn.accounts import roles
from ttdn.accounts.demo import demo_user
from ttdn.core.workflow import machine_for
from ttdn.directory import services as directory_services
from ttdn.directory.models import Country, ForeignPartner, Organisation

from .. import services
from ..machines import RECORDERS
from ..models import (
    AidPackage,
    Delegation,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)
from . import content
from .common import (
    COMMENTS,
    MissingDirectory,
)
from .delegations import DelegationDemo
from .records import RecordDemo


class Loader(DelegationDemo, RecordDemo):
    def __init__(self):
        self.changed = 0
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.countries = {c.alpha_2: c for c in Country.objects.all()}
        if "LA" not in self.countries:
            raise MissingDirectory(
                "Countries are missing: run `python manage.py load_reference_data`."
            )
        self.partners = {
            p.original_name: p for p in ForeignPartner.objects.exclude(original_name="")
        }
        self.documents = {}

    # --- directory and accounts ---------------------------------------------------
    def organisation(self, name: str) -> Organisation:
        found = Organisation.objects.filter(name=name).order_by("pk").first()
        if found is None:
            raise MissingDirectory(
                f"Organisation “{name}” is missing: load the directory demo first."
            )
        return found

    def ensure_emails(self):
        for name, email in content.EMAILS.items():
            organisation = self.organisation(name)
            if organisation.email:
                continue
            organisation.email = email
            directory_services.save_organisation(organisation)
            self.changed += 1

    def ensure_users(self):
        self.users = {
            roles.FOREIGN_AFFAIRS_OFFICER: demo_user("chuyenvien"),
            roles.FOCAL_POINT: demo_user("daumoi"),
            roles.STEERING_MEMBER: demo_user("bcd"),
        }
        self.officer = self.users[roles.FOREIGN_AFFAIRS_OFFICER]
        self.focal_point = self.users[roles.FOCAL_POINT]

    def document(self, title: str):
        if title not in self.documents:
            Document = get_document_model()
            document = Document.objects.filter(title=title).first()
            if document is None:
                document = Document(title=title)
                document.file.save(
                    "tai-lieu-demo.txt",
                    ContentFile(f"{title}\n{content.DEMO_NOTE}\n".encode()),
                    save=False,
                )
                document.save()
                self.changed += 1
            self.documents[title] = document
        return self.documents[title]

    # --- time -----------------------------------------------------------------------
    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def at(self, offset: int) -> dt.datetime:
        """09:00 GMT+7 on today + *offset* days (never later than now)."""
        moment = timezone.make_aware(
            dt.datetime.combine(self.day(offset), dt.time(9, 0))
        )
        return min(moment, self.now - dt.timedelta(minutes=1))

    def actor(self, record, action: str):
        transition = machine_for(record).get(action)
        if (
            roles.FOCAL_POINT in transition.roles
            and transition.roles == RECORDERS
            and record.organisation_id == self.focal_point.organisation_id
        ):
            return self.focal_point
        return self.officer

    def drive(self, record, steps):
        """Perform ``(action, day offset, prepare)`` steps; *prepare* (optional)
        sets fields through the services before the action."""
        for action, offset, prepare in steps:
            if prepare:
                for name, value in prepare.items():
                    setattr(record, name, value)
                services.save_record(record, user=self.officer)
            services.transition(
                record,
                action,
                user=self.actor(record, action),
                comment=COMMENTS.get(action, ""),
                at=self.at(offset),
            )

    def exists(self, model, reference: str) -> bool:
        return model.objects.filter(reference=reference).exists()

    # --- 2016 ---------------------------------------------------------------------
    def load_current(self):
        self.load_delegations()
        self.load_conferences()
        self.load_agreements()
        self.load_aid()
        self.load_ngos()
        self.load_press()

    def _new(self, model, reference, **fields):
        return model(reference=reference, notes=content.DEMO_NOTE, **fields)


@transaction.atomic
def load_demo(stdout=None) -> int:
    """Create the demo register; returns the number of objects created or
    changed (0 on a second run)."""
    loader = Loader()
    loader.ensure_emails()
    loader.ensure_users()
    loader.load_2016()
    loader.load_phu_yen()
    loader.load_current()
    if stdout is not None and loader.changed:
        stdout.write(
            f"Đối ngoại: {Delegation.objects.count()} đoàn, "
            f"{InternationalConference.objects.count()} hội nghị, "
            f"{InternationalAgreement.objects.count()} thỏa thuận, "
            f"{AidPackage.objects.count()} khoản viện trợ, "
            f"{ForeignNGO.objects.count()} tổ chức PCPNN, "
            f"{ForeignPressVisit.objects.count()} đoàn phóng viên; tài khoản: "
            "chuyenvien, daumoi, bcd."
        )
    return loader.changed
