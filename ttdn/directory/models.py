"""The directory: administrative units, organisations, countries, foreign partners,
people, and the installation's directory settings.

Administrative units and organisations are *temporal* (docs/directory.md): an entry
is valid from ``valid_from`` (empty: since before the records begin) to ``valid_to``
(empty: still valid), and ``successors`` says which entries took over when it ended.
Records of other apps keep pointing at the entry that was valid when they happened;
reports roll them up with :func:`ttdn.directory.selectors.rollup_unit` and
:func:`~ttdn.directory.selectors.rollup_organisation`.

Rules that involve more than one row (successors, parents, alias uniqueness) live in
``rules.py`` and are applied by the admin forms and by ``services.py``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from ttdn.core.folding import folded
from ttdn.core.periods import InForceModel
from ttdn.core.text import nfc, squash_spaces

from .choices import (
    COMMUNE_LEVEL,
    HISTORIC_KINDS,
    PROVINCE_LEVEL,
    OrganisationKind,
    PartnerKind,
    UnitKind,
)
from .rules import country_key, settings_errors

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{4,22}[0-9]$",
    _("Phone: enter digits, spaces, dots or hyphens only, e.g. 0212 3852 000."),
)
short_code_validator = RegexValidator(
    r"^[^\W_]+(?:-[^\W_]+)*$",
    _(
        "Short code: use letters and digits only, without spaces or “/” (e.g. "
        "UBND, SNgV); parts may be joined by a hyphen."
    ),
)
alpha_2_validator = RegexValidator(
    r"^[A-Z]{2}$", _("Code (alpha-2): enter two capital letters, e.g. LA.")
)
alpha_3_validator = RegexValidator(
    r"^[A-Z]{3}$", _("Code (alpha-3): enter three capital letters, e.g. LAO.")
)
numeric_code_validator = RegexValidator(
    r"^[0-9]{3}$", _("Numeric code: enter three digits, e.g. 418.")
)
EMAIL_ERRORS = {
    "invalid": _("E-mail: enter a valid address, e.g. vanphong@example.org.")
}
URL_ERRORS = {"invalid": _("Website: enter a full address, e.g. https://example.org/.")}
unit_code_validator = RegexValidator(
    r"^[0-9]{2,5}$", _("Official code: enter 2 to 5 digits, e.g. 14 or 04048.")
)


# --- temporal entries -----------------------------------------------------------
class TemporalModel(InForceModel, ClusterableModel):
    """A unit or organisation over time (ttdn.core.periods), with successors."""

    valid_from = models.DateField(
        _("valid from"),
        null=True,
        blank=True,
        help_text=_(
            "First day of validity. Leave empty if it is unknown or earlier "
            "than any record."
        ),
    )
    valid_to = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Last day of validity. Leave empty while it is still valid."),
    )
    # Concrete models add ``successors`` (ManyToManyField to self through a
    # ``*Succession`` link model, related_name "predecessors"); see _successors().

    class Meta(InForceModel.Meta):
        abstract = True


def _successors(through: str):
    """The successor links of a temporal model: ``entry.successors`` (what took
    over when it ended) and ``entry.predecessors`` (what it took over from)."""
    return models.ManyToManyField(
        "self",
        through=through,
        through_fields=("predecessor", "successor"),
        symmetrical=False,
        related_name="predecessors",
        blank=True,
        verbose_name=_("successors"),
    )


def _succession_model_fields(model: str):
    predecessor = ParentalKey(
        model, on_delete=models.CASCADE, related_name="succession_links"
    )
    successor = models.ForeignKey(
        model,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("successor"),
        help_text=_("It must start after this entry ends."),
    )
    return predecessor, successor


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


# --- administrative units -------------------------------------------------------
_UNIT_PREFIXES = (
    "Thành phố",
    "Tỉnh",
    "Phường",
    "Xã",
    "Đặc khu",
    "Huyện",
    "Quận",
    "Thị xã",
    "Thị trấn",
)


class AdministrativeUnit(TemporalModel, TimestampedModel):
    """A province, centrally-run city, ward, commune or special zone (or a historic
    district-level unit). Loaded from the ``vietnam-provinces`` package by
    ``manage.py load_reference_data``; editable by administrators only."""

    code = models.CharField(
        _("official code"),
        max_length=5,
        validators=[unit_code_validator],
        help_text=_(
            "The official code: 2 digits for a province, 5 for a ward or "
            "commune, 3 for a historic district."
        ),
    )
    name = models.CharField(
        _("name"), max_length=255, help_text=_("Official name, e.g. Tỉnh Sơn La.")
    )
    name_en = models.CharField(
        _("English name"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Son La Province, Van Ho Commune."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The province of a ward or commune; empty for a province."),
    )
    is_border = models.BooleanField(
        _("border unit"),
        default=False,
        help_text=_(
            "On the national border (special rules for agreements with "
            "foreign local authorities)."
        ),
    )
    border_countries = ParentalManyToManyField(
        "Country",
        verbose_name=_("bordering countries"),
        blank=True,
        related_name="border_units",
    )
    successors = _successors("UnitSuccession")
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta(TemporalModel.Meta):
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["code"]
        constraints = [
            *TemporalModel.Meta.constraints,
            # Codes are reused after a reorganisation (new Lào Cai has old Yên
            # Bái's 15): one current unit per code, one ended unit per code and end.
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to__isnull=True),
                name="directory_unit_current_code_unique",
                violation_error_message=_(
                    "Official code: another current administrative unit has this code."
                ),
            ),
            models.UniqueConstraint(
                fields=["code", "valid_to"],
                condition=Q(valid_to__isnull=False),
                name="directory_unit_historic_code_unique",
                violation_error_message=_(
                    "Official code: another administrative unit with this code ended "
                    "on the same day."
                ),
            ),
        ]
        indexes = [models.Index(fields=["kind", "valid_to"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        self.name = nfc(self.name.strip())
        self.search_text = folded(self.name, self.name_en, self.code)

    @property
    def bare_name(self) -> str:
        """The name without its kind: ``Tỉnh Sơn La`` → ``Sơn La``."""
        for prefix in _UNIT_PREFIXES:
            if self.name.startswith(prefix + " "):
                return self.name[len(prefix) + 1 :]
        return self.name

    @property
    def full_name(self) -> str:
        """``Xã Vân Hồ, Tỉnh Sơn La`` — unambiguous (many communes share a name)."""
        if self.parent_id:
            return f"{self.name}, {self.parent.name}"
        return self.name

    @property
    def is_province_level(self) -> bool:
        return self.kind in PROVINCE_LEVEL

    @property
    def is_commune_level(self) -> bool:
        return self.kind in COMMUNE_LEVEL

    @property
    def is_historic_kind(self) -> bool:
        return self.kind in HISTORIC_KINDS


# --- organisations --------------------------------------------------------------
class Organisation(TemporalModel, TimestampedModel):
    """A Vietnamese body: People's Committee, department, Party body, commune-level
    People's Committee, press… Temporal like administrative units."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("Full Vietnamese name, e.g. Sở Ngoại vụ tỉnh Sơn La."),
    )
    name_en = models.CharField(
        _("English name"),
        max_length=255,
        blank=True,
        help_text=_(
            "Shown on the English portal, e.g. Son La Department of Foreign Affairs."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    short_code = models.CharField(
        _("short code"),
        max_length=20,
        blank=True,
        validators=[short_code_validator],
        help_text=_(
            "Used in document numbers, e.g. UBND in 51/KH-UBND, SNgV for "
            "a Sở Ngoại vụ, SNV for a Sở Nội vụ, VP for the PC office."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("governing body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_(
            "Printed above the body's name on its documents (cơ quan chủ "
            "quản), e.g. UBND tỉnh for a department."
        ),
    )
    administrative_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("administrative unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("The province, ward or commune the body belongs to."),
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[phone_validator]
    )
    fax = models.CharField(
        _("fax"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-mail"), blank=True, error_messages=EMAIL_ERRORS)
    website = models.URLField(_("website"), blank=True, error_messages=URL_ERRORS)
    notes = models.TextField(_("notes"), blank=True)
    successors = _successors("OrganisationSuccession")
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta(TemporalModel.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "pk"]
        constraints = [
            *TemporalModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["name", "administrative_unit"],
                condition=Q(valid_to__isnull=True),
                name="directory_organisation_current_name_unique",
                violation_error_message=_(
                    "Name: a current organisation of this administrative unit already "
                    "has this name."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        self.name = nfc(self.name.strip())
        self.search_text = folded(self.name, self.name_en, self.short_code)


class UnitSuccession(models.Model):
    """``predecessor`` ended and ``successor`` took over (part of) it. The
    services store a pair once and the admin form refuses a repeated successor
    with a clear message (a database constraint would make the admin formset
    answer with internal field names)."""

    predecessor, successor = _succession_model_fields("AdministrativeUnit")

    panels = [FieldPanel("successor")]

    class Meta:
        verbose_name = _("successor")
        verbose_name_plural = _("successors")

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class OrganisationSuccession(models.Model):
    """``predecessor`` ended and ``successor`` took over (part of) its work."""

    predecessor, successor = _succession_model_fields("Organisation")

    panels = [FieldPanel("successor")]

    class Meta:
        verbose_name = _("successor")
        verbose_name_plural = _("successors")

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


# --- countries ------------------------------------------------------------------
class Country(ClusterableModel):
    """An ISO 3166-1 country with its official Vietnamese short name. Loaded from
    pycountry and a curated table; editable by administrators only."""

    alpha_2 = models.CharField(
        _("code (alpha-2)"),
        max_length=2,
        unique=True,
        validators=[alpha_2_validator],
        error_messages={"unique": _("Code (alpha-2): another country has this code.")},
    )
    alpha_3 = models.CharField(
        _("code (alpha-3)"), max_length=3, blank=True, validators=[alpha_3_validator]
    )
    numeric = models.CharField(
        _("numeric code"), max_length=3, blank=True, validators=[numeric_code_validator]
    )
    name_vi = models.CharField(
        _("Vietnamese name"), max_length=255, help_text=_("Short name, e.g. Lào.")
    )
    official_name_vi = models.CharField(
        _("official Vietnamese name"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Cộng hòa Dân chủ Nhân dân Lào."),
    )
    name_en = models.CharField(_("English name"), max_length=255)
    official_name_en = models.CharField(
        _("official English name"), max_length=255, blank=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    # "|key|key|" of every name, for exact matching (see rules.country_key).
    name_keys = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_vi"]
        constraints = [
            models.UniqueConstraint(
                fields=["alpha_3"],
                condition=~Q(alpha_3=""),
                name="directory_country_alpha_3_unique",
                violation_error_message=_(
                    "Code (alpha-3): another country has this code."
                ),
            )
        ]

    def __str__(self):
        return self.name_vi

    def names(self) -> list[str]:
        return [
            n
            for n in (
                self.name_vi,
                self.official_name_vi,
                self.name_en,
                self.official_name_en,
            )
            if n
        ]

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self, aliases: list[str] | None = None):
        for name in ("name_vi", "official_name_vi", "name_en", "official_name_en"):
            setattr(self, name, nfc(getattr(self, name).strip()))
        if aliases is None:
            aliases = (
                [a.name for a in self.aliases.all()] if self.pk is not None else []
            )
        keys = sorted({country_key(n) for n in self.names()} - {""})
        self.name_keys = "|" + "|".join(keys) + "|" if keys else ""
        self.search_text = folded(*self.names(), self.alpha_2, self.alpha_3, *aliases)


class CountryAlias(models.Model):
    """Another way a country is written in documents: "CHDCND Lào", "Lao PDR"…
    Matching ignores diacritics, case, spaces and punctuation (``key``)."""

    country = ParentalKey(
        Country,
        on_delete=models.CASCADE,
        related_name="aliases",
        verbose_name=_("country"),
    )
    name = models.CharField(_("alias"), max_length=255)
    key = models.CharField(max_length=255, unique=True, editable=False)

    class Meta:
        verbose_name = _("country alias")
        verbose_name_plural = _("country aliases")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name.strip())
        self.key = country_key(self.name)
        super().save(*args, **kwargs)

    panels = [FieldPanel("name")]


# --- foreign partners and people ------------------------------------------------
class ForeignPartner(TimestampedModel):
    """A foreign locality or organisation the province works with: a Lao province
    and its districts, a Chinese province, a ministry, an embassy, an NGO…"""

    name = models.CharField(
        _("Vietnamese name"),
        max_length=255,
        help_text=_("As Vietnamese documents write it, e.g. tỉnh Hủa Phăn."),
    )
    original_name = models.CharField(
        _("original name"),
        max_length=255,
        blank=True,
        help_text=_(
            "In the partner's language or its usual romanisation, e.g. Houaphanh."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
        help_text=_(
            "Where it is (for an organisation: where it was established). "
            "Only an international organisation may have none."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("e.g. the province of a district."),
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail"), blank=True, error_messages=EMAIL_ERRORS)
    website = models.URLField(_("website"), blank=True, error_messages=URL_ERRORS)
    notes = models.TextField(_("notes"), blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("foreign partner")
        verbose_name_plural = _("foreign partners")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "name"],
                condition=Q(parent__isnull=True),
                name="directory_partner_top_name_unique",
                violation_error_message=_(
                    "Vietnamese name: this country already has a partner with this "
                    "name."
                ),
            ),
            models.UniqueConstraint(
                fields=["parent", "name"],
                condition=Q(parent__isnull=False),
                name="directory_partner_child_name_unique",
                violation_error_message=_(
                    "Vietnamese name: this parent already has a partner with this name."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        self.name = nfc(self.name.strip())
        self.search_text = folded(self.name, self.original_name)

    def clean(self):
        super().clean()
        if (
            self.country_id is None
            and self.kind
            and self.kind != PartnerKind.INTERNATIONAL
        ):
            raise ValidationError(
                {
                    "country": _(
                        "Country: choose the country; only an international "
                        "organisation may have none."
                    )
                }
            )


class Person(TimestampedModel):
    """An official or a foreign guest. Personal data: keep to what the work needs
    (no birth dates, passport numbers or home addresses); visible only to the roles
    that record foreign-affairs activities (docs/directory.md)."""

    full_name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(
        _("position"), max_length=255, blank=True, help_text=_("e.g. Phó Chủ tịch.")
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Vietnamese organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    foreign_partner = models.ForeignKey(
        ForeignPartner,
        verbose_name=_("foreign partner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    nationality = models.ForeignKey(
        Country,
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nationals",
    )
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-mail"), blank=True, error_messages=EMAIL_ERRORS)
    notes = models.TextField(_("notes"), blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True)
                | Q(foreign_partner__isnull=True),
                name="directory_person_one_employer",
                violation_error_message=_(
                    "Choose either a Vietnamese organisation or a foreign partner, "
                    "not both."
                ),
            )
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def refresh_search_text(self):
        self.full_name = nfc(squash_spaces(self.full_name))
        self.search_text = folded(self.full_name, self.position)

    @property
    def employer(self):
        return self.organisation or self.foreign_partner

    def clean(self):
        super().clean()
        if self.organisation_id and self.foreign_partner_id:
            raise ValidationError(
                {
                    "foreign_partner": _(
                        "Foreign partner: a person belongs to a Vietnamese "
                        "organisation or to a foreign partner, not both."
                    )
                }
            )


# --- settings -------------------------------------------------------------------
@register_setting(icon="globe")
class DirectorySettings(BaseSiteSetting):
    """The province this installation serves and its foreign-affairs body.

    Read them with :func:`ttdn.directory.selectors.serving_province` and
    :func:`~ttdn.directory.selectors.foreign_affairs_body` (no request needed).
    """

    province = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("province served"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The province or centrally-run city this installation serves."),
    )
    foreign_affairs_body = models.ForeignKey(
        Organisation,
        verbose_name=_("foreign-affairs body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The Sở Ngoại vụ, or the Office of the provincial People's Committee "
            "where the province has no Sở Ngoại vụ."
        ),
    )

    panels = [FieldPanel("province"), FieldPanel("foreign_affairs_body")]

    class Meta:
        verbose_name = _("directory settings")

    def clean(self):
        super().clean()
        settings_errors(
            province=self.province, foreign_affairs_body=self.foreign_affairs_body
        ).raise_if_any()
