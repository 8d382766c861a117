"""Wagtail admin views of the directory (menu group "Danh mục"): listings with
filters, diacritic-free search and CSV/XLSX export, inspect views showing
predecessors and successors, and choosers other apps' forms use for foreign keys
to directory models. The views are thin: reads go through ``selectors``, writes
through ``services`` (see ``actions.py``)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets import AdminDateInput, BooleanRadioSelect

import django_filters

from ttdn.core.admin.views import ScopedInspectView, ServiceDeleteView
from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import forms as directory_forms
from .. import selectors, services
from ..choices import (
    PROVINCE_LEVEL,
    OrganisationKind,
    PartnerKind,
    UnitKind,
    Validity,
)
from ..models import (
    AdministrativeUnit,
    Country,
    ForeignPartner,
    Organisation,
    Person,
)


def _province_choices(request=None):
    return AdministrativeUnit.objects.filter(kind__in=PROVINCE_LEVEL).order_by("name")


# --- listings ---------------------------------------------------------------------
class TemporalFilterSet(WagtailFilterSet):
    validity = django_filters.ChoiceFilter(
        label=_("Validity"),
        choices=Validity.choices,
        method="filter_validity",
        empty_label=None,
        null_label=None,
        widget=forms.RadioSelect,
    )
    on = django_filters.DateFilter(
        label=_("Valid on"),
        method="filter_on",
        widget=AdminDateInput,
        input_formats=directory_forms.DAY_INPUT_FORMATS,
        help_text=_("Only the entries valid on this day."),
    )

    def filter_validity(self, queryset, name, value):
        return selectors.filter_validity(queryset, value)

    def filter_on(self, queryset, name, value):
        return queryset.in_force_on(value)


class AdministrativeUnitFilterSet(TemporalFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=UnitKind.choices, widget=forms.RadioSelect
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=_province_choices,
        method="filter_province",
        help_text=_("The province and the units that belong to it."),
    )
    is_border = django_filters.BooleanFilter(
        label=_("Border unit"), widget=BooleanRadioSelect
    )

    class Meta:
        model = AdministrativeUnit
        fields = ["validity", "on", "kind", "province", "is_border"]

    def filter_province(self, queryset, name, value):
        return queryset.filter(pk=value.pk) | queryset.filter(parent=value)


class OrganisationFilterSet(TemporalFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrganisationKind.choices, widget=forms.RadioSelect
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=_province_choices,
        method="filter_province",
        help_text=_("Organisations of the province and of its wards and communes."),
    )

    class Meta:
        model = Organisation
        fields = ["validity", "on", "kind", "province"]

    def filter_province(self, queryset, name, value):
        return queryset.filter(administrative_unit=value) | queryset.filter(
            administrative_unit__parent=value
        )


class ForeignPartnerFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=PartnerKind.choices, widget=forms.RadioSelect
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=lambda request: (
            Country.objects.filter(partners__isnull=False)
            .distinct()
            .order_by("name_vi")
        ),
    )

    class Meta:
        model = ForeignPartner
        fields = ["kind", "country"]


class PersonFilterSet(WagtailFilterSet):
    nationality = django_filters.ModelChoiceFilter(
        label=_("Nationality"),
        queryset=lambda request: (
            Country.objects.filter(nationals__isnull=False)
            .distinct()
            .order_by("name_vi")
        ),
    )
    side = django_filters.ChoiceFilter(
        label=_("Works for"),
        choices=[
            ("organisation", _("a Vietnamese organisation")),
            ("partner", _("a foreign partner")),
        ],
        method="filter_side",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Person
        fields = ["nationality", "side"]

    def filter_side(self, queryset, name, value):
        if value == "organisation":
            return queryset.filter(organisation__isnull=False)
        return queryset.filter(foreign_partner__isnull=False)


# --- inspect views ------------------------------------------------------------------
class DirectoryInspectView(ScopedInspectView):
    """Inspect view; ``extra_labels`` names the computed rows."""

    inspect_url_name = None

    def entries_html(self, entries, url_name):
        entries = list(entries)
        if not entries:
            return "-"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> {}</li>',
                (
                    (
                        reverse(url_name, args=(quote(e.pk),)),
                        e,
                        f"({e.period_display})" if e.period_display else "",
                    )
                    for e in entries
                ),
            ),
        )


class TemporalInspectView(DirectoryInspectView):
    extra_labels = {
        "predecessors": _("Predecessors"),
        "successors": _("Successors"),
        "rollup": _("Counted today under"),
        "validity": _("Validity"),
    }

    def get_successors_display_value(self):
        return self.entries_html(
            self.object.successors.order_by("name"), self.inspect_url_name
        )

    def get_predecessors_display_value(self):
        return self.entries_html(
            self.object.predecessors.order_by("name"), self.inspect_url_name
        )

    def get_validity_display_value(self):
        return self.object.period_display or _("always (no dates recorded)")

    trace = None  # selectors.trace_unit or selectors.trace_organisation

    def get_rollup_display_value(self):
        trace = type(self).trace(self.object, on=selectors.today())
        if trace.target.pk == self.object.pk and not trace.note:
            return _("itself (still valid)")
        link = format_html(
            '<a href="{}">{}</a>',
            reverse(self.inspect_url_name, args=(quote(trace.target.pk),)),
            trace.target,
        )
        if trace.note:
            return format_html("{}<br>{}", link, trace.note)
        return link


class AdministrativeUnitInspectView(TemporalInspectView):
    trace = staticmethod(selectors.trace_unit)

    def get_border_countries_display_value(self):
        return ", ".join(str(c) for c in self.object.border_countries.all()) or "-"


class OrganisationInspectView(TemporalInspectView):
    trace = staticmethod(selectors.trace_organisation)


class CountryInspectView(DirectoryInspectView):
    extra_labels = {"aliases": _("Aliases")}

    def get_aliases_display_value(self):
        return ", ".join(a.name for a in self.object.aliases.all()) or "-"


class DirectoryDeleteView(ServiceDeleteView):
    """Refuses, with the reason, to delete an entry other rows still refer to
    (protected foreign keys) instead of failing."""

    @cached_property
    def blockers(self) -> list[str]:
        return selectors.deletion_blockers(self.object)

    @property
    def blocked_message(self):
        return _("“%(name)s” cannot be deleted: these entries still refer to it:") % {
            "name": self.object
        }

    @property
    def blocked_hint(self):
        if hasattr(self.object, "valid_to"):
            return _(
                "End it instead: enter its last day of validity and, if any, its "
                "successors."
            )
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.blockers:
            context["is_protected"] = True
        return context

    def form_valid(self, form):
        if self.blockers:
            messages.error(self.request, self.blocked_message)
            return redirect(self.get_delete_url())
        return super().form_valid(form)  # services.delete_entry


# --- people: personal data, scoped by organisation -----------------------------------
# --- viewsets -----------------------------------------------------------------------
class DirectoryViewSet(ServiceModelViewSet):
    delete_view_class = DirectoryDeleteView
    inspect_view_class = DirectoryInspectView
    template_prefix = "directory/admin/"
    list_per_page = 50
    list_select_related: tuple = ()

    def scope(self, user):
        return self.model.objects.select_related(*self.list_select_related)

    def delete_service(self, instance, *, user):
        services.delete_entry(instance, user=user)


temporal_panels = [
    FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    MultipleChooserPanel(
        "succession_links",
        heading=_("Successors"),
        label=_("Successor"),
        chooser_field_name="successor",
        help_text=_(
            "The entries that took over when this one ended (a merger, a split, a "
            "renaming). Each must start after this one ends."
        ),
    ),
]


class AdministrativeUnitViewSet(DirectoryViewSet):
    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Administrative units")
    menu_order = 100
    name = "directory_units"
    url_prefix = "directory/units"
    add_to_reference_index = False
    inspect_view_class = AdministrativeUnitInspectView
    list_select_related = ("parent",)
    filterset_class = AdministrativeUnitFilterSet
    ordering = ["code"]
    list_display = [
        "name",
        "code",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("parent", label=_("Belongs to"), accessor="parent"),
        Column("validity", label=_("Validity"), accessor="period_display"),
    ]
    list_export = [
        "code",
        "name",
        "name_en",
        "get_kind_display",
        "parent.code",
        "parent.name",
        "is_border",
        "valid_from",
        "valid_to",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "parent.code": _("Code of the unit it belongs to"),
        "parent.name": _("Belongs to"),
    }
    export_filename = "don-vi-hanh-chinh"
    inspect_view_fields = [
        "code",
        "name",
        "name_en",
        "kind",
        "parent",
        "is_border",
        "border_countries",
        "validity",
        "predecessors",
        "successors",
        "rollup",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
                    FieldPanel("name"),
                    FieldPanel("name_en"),
                    FieldPanel("parent"),
                ],
                heading=_("Unit"),
            ),
            MultiFieldPanel(
                [FieldPanel("is_border"), FieldPanel("border_countries")],
                heading=_("Border"),
            ),
            MultiFieldPanel(temporal_panels, heading=_("Validity")),
        ],
        base_form_class=directory_forms.AdministrativeUnitForm,
    )

    def save_service(self, instance, *, user):
        return services.save_unit(instance, user=user)


class OrganisationViewSet(DirectoryViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    name = "directory_organisations"
    url_prefix = "directory/organisations"
    inspect_view_class = OrganisationInspectView
    list_select_related = ("administrative_unit", "parent")
    filterset_class = OrganisationFilterSet
    ordering = ["name"]
    list_display = [
        "name",
        "short_code",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("unit", label=_("Administrative unit"), accessor="administrative_unit"),
        Column("validity", label=_("Validity"), accessor="period_display"),
    ]
    list_export = [
        "name",
        "name_en",
        "get_kind_display",
        "short_code",
        "parent.name",
        "administrative_unit.name",
        "address",
        "phone",
        "fax",
        "email",
        "website",
        "valid_from",
        "valid_to",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "parent.name": _("Governing body"),
        "administrative_unit.name": _("Administrative unit"),
    }
    export_filename = "co-quan-don-vi"
    inspect_view_fields = [
        "name",
        "name_en",
        "kind",
        "short_code",
        "parent",
        "administrative_unit",
        "address",
        "phone",
        "fax",
        "email",
        "website",
        "notes",
        "validity",
        "predecessors",
        "successors",
        "rollup",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("name_en"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("short_code")]),
                    FieldPanel("parent"),
                    FieldPanel("administrative_unit"),
                ],
                heading=_("Organisation"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
                    FieldPanel("notes"),
                ],
                heading=_("Contacts"),
            ),
            MultiFieldPanel(temporal_panels, heading=_("Validity")),
        ],
        base_form_class=directory_forms.OrganisationForm,
    )

    def save_service(self, instance, *, user):
        return services.save_organisation(instance, user=user)


class CountryViewSet(DirectoryViewSet):
    model = Country
    icon = "globe"
    menu_label = _("Countries")
    menu_order = 300
    name = "directory_countries"
    url_prefix = "directory/countries"
    add_to_reference_index = False
    inspect_view_class = CountryInspectView
    ordering = ["name_vi"]
    list_display = ["name_vi", "alpha_2", "alpha_3", "name_en"]
    list_export = [
        "alpha_2",
        "alpha_3",
        "numeric",
        "name_vi",
        "official_name_vi",
        "name_en",
        "official_name_en",
    ]
    export_filename = "quoc-gia"
    inspect_view_fields = [
        "alpha_2",
        "alpha_3",
        "numeric",
        "name_vi",
        "official_name_vi",
        "name_en",
        "official_name_en",
        "aliases",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("alpha_2"), FieldPanel("alpha_3"), FieldPanel("numeric")]
            ),
            FieldPanel("name_vi"),
            FieldPanel("official_name_vi"),
            FieldPanel("name_en"),
            FieldPanel("official_name_en"),
            InlinePanel(
                "aliases",
                heading=_("Aliases"),
                label=_("Alias"),
                help_text=_(
                    "Other ways documents write the country, e.g. CHDCND Lào. "
                    "Diacritics, case and spaces do not matter."
                ),
            ),
        ],
        base_form_class=directory_forms.CountryForm,
    )

    def save_service(self, instance, *, user):
        return services.save_country(instance, user=user)


class ForeignPartnerViewSet(DirectoryViewSet):
    model = ForeignPartner
    icon = "link-external"
    menu_label = _("Foreign partners")
    menu_order = 400
    name = "directory_partners"
    url_prefix = "directory/partners"
    inspect_view_class = DirectoryInspectView
    filterset_class = ForeignPartnerFilterSet
    list_select_related = ("country", "parent")
    ordering = ["name"]
    list_display = [
        "name",
        "original_name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("country", label=_("Country"), accessor="country"),
        Column("parent", label=_("Belongs to"), accessor="parent"),
    ]
    list_export = [
        "name",
        "original_name",
        "get_kind_display",
        "country.name_vi",
        "parent.name",
        "address",
        "email",
        "website",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "country.name_vi": _("Country"),
        "parent.name": _("Belongs to"),
    }
    export_filename = "doi-tac-nuoc-ngoai"
    inspect_view_fields = [
        "name",
        "original_name",
        "kind",
        "country",
        "parent",
        "address",
        "email",
        "website",
        "notes",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("original_name"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
            FieldPanel("parent"),
            FieldPanel("address"),
            FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
            FieldPanel("notes"),
        ],
        base_form_class=directory_forms.ForeignPartnerForm,
    )

    def save_service(self, instance, *, user):
        return services.save_partner(instance, user=user)


class PersonViewSet(DirectoryViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 500
    name = "directory_people"
    url_prefix = "directory/people"
    filterset_class = PersonFilterSet
    ordering = ["full_name"]
    list_display = [
        "full_name",
        "position",
        Column("employer", label=_("Organisation"), accessor="employer"),
        Column("nationality", label=_("Nationality"), accessor="nationality"),
    ]
    list_export = [
        "full_name",
        "position",
        "organisation.name",
        "foreign_partner.name",
        "nationality.name_vi",
        "phone",
        "email",
    ]
    export_headings = {
        "organisation.name": _("Vietnamese organisation"),
        "foreign_partner.name": _("Foreign partner"),
        "nationality.name_vi": _("Nationality"),
    }
    export_filename = "ca-nhan"
    inspect_view_fields = [
        "full_name",
        "position",
        "organisation",
        "foreign_partner",
        "nationality",
        "phone",
        "email",
        "notes",
    ]
    panels = [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("foreign_partner"),
        FieldPanel("nationality"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("notes"),
    ]

    def scope(self, user):
        return selectors.people_for(user)

    def save_service(self, instance, *, user):
        return services.save_person(instance, user=user)


class DirectoryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        AdministrativeUnitViewSet,
        OrganisationViewSet,
        CountryViewSet,
        ForeignPartnerViewSet,
        PersonViewSet,
    )
