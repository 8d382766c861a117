"""Choosers of directory entries (units, organisations, countries, partners,
people) searched without diacritics, for the forms of every part."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views import View

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from ttdn.core.folding import folded_search

from .. import selectors
from ..choices import (
    COMMUNE_LEVEL,
    DISTRICT_LEVEL,
    PROVINCE_LEVEL,
    Validity,
)
from ..models import (
    AdministrativeUnit,
    Country,
    ForeignPartner,
    Organisation,
    Person,
)


# --- choosers -----------------------------------------------------------------------
class FoldedSearchFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": _("Search (diacritics optional)")}
        ),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = folded_search(objects, query, rank=True)
            self.is_searching = True
            self.search_query = query
        return objects


class TemporalFilterForm(FoldedSearchFilterForm):
    validity = forms.ChoiceField(
        label=_("Validity"),
        choices=[
            ("", _("all")),
            (Validity.CURRENT, _("current only")),
            (Validity.HISTORIC, _("no longer valid")),
        ],
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        validity = self.cleaned_data.get("validity") or Validity.ALL
        return selectors.filter_validity(objects, validity)


class UnitFilterForm(TemporalFilterForm):
    LEVELS = {
        "province": PROVINCE_LEVEL,
        "commune": COMMUNE_LEVEL,
        "district": DISTRICT_LEVEL,
    }
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[
            ("", _("All levels")),
            ("province", _("provinces and centrally-run cities")),
            ("commune", _("wards, communes and special zones")),
            ("district", _("district level (historic)")),
        ],
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        level = self.cleaned_data.get("level")
        if level:
            objects = objects.filter(kind__in=self.LEVELS[level])
        return objects


def _chooser_views(filter_form, extra_columns, ordering, object_list):
    """Choose and results views with a folded-search filter form, extra columns
    and ``object_list(view)`` as the objects offered."""

    class Columns:
        filter_form_class = filter_form

        @property
        def columns(self):
            return [*super().columns, *extra_columns]

        def get_object_list(self):
            return object_list(self)

    choose = type(
        "ChooseView", (Columns, chooser_views.ChooseView), {"ordering": ordering}
    )
    results = type(
        "ChooseResultsView",
        (Columns, chooser_views.ChooseResultsView),
        {"ordering": ordering},
    )
    return choose, results


class NoCreationView(View):
    """Directory entries are created in their own admin views (through the
    services), never from a chooser."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class DirectoryChooserViewSet(ChooserViewSet):
    per_page = 20
    form_fields = None
    creation_form_class = None
    create_view_class = NoCreationView

    @property
    def create_view(self):
        return NoCreationView.as_view()


unit_choose, unit_results = _chooser_views(
    UnitFilterForm,
    [
        Column("parent", label=_("Belongs to"), accessor="parent"),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("validity", label=_("Validity"), accessor="period_display"),
    ],
    ["name", "pk"],
    lambda view: AdministrativeUnit.objects.select_related("parent"),
)


class AdministrativeUnitChooserViewSet(DirectoryChooserViewSet):
    model = AdministrativeUnit
    icon = "site"
    choose_one_text = _("Choose an administrative unit")
    choose_another_text = _("Choose another administrative unit")
    choose_view_class = unit_choose
    choose_results_view_class = unit_results


organisation_choose, organisation_results = _chooser_views(
    TemporalFilterForm,
    [
        Column("unit", label=_("Administrative unit"), accessor="administrative_unit"),
        Column("validity", label=_("Validity"), accessor="period_display"),
    ],
    ["name", "pk"],
    lambda view: Organisation.objects.select_related("administrative_unit"),
)


class OrganisationChooserViewSet(DirectoryChooserViewSet):
    model = Organisation
    icon = "group"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    choose_view_class = organisation_choose
    choose_results_view_class = organisation_results


country_choose, country_results = _chooser_views(
    FoldedSearchFilterForm,
    [Column("alpha_2", label=_("Code"), accessor="alpha_2")],
    ["name_vi"],
    lambda view: Country.objects.all(),
)


class CountryChooserViewSet(DirectoryChooserViewSet):
    model = Country
    icon = "globe"
    choose_one_text = _("Choose a country")
    choose_another_text = _("Choose another country")
    choose_view_class = country_choose
    choose_results_view_class = country_results


partner_choose, partner_results = _chooser_views(
    FoldedSearchFilterForm,
    [
        Column("country", label=_("Country"), accessor="country"),
        Column("parent", label=_("Belongs to"), accessor="parent"),
    ],
    ["name", "pk"],
    lambda view: ForeignPartner.objects.select_related("country", "parent"),
)


class ForeignPartnerChooserViewSet(DirectoryChooserViewSet):
    model = ForeignPartner
    icon = "link-external"
    choose_one_text = _("Choose a foreign partner")
    choose_another_text = _("Choose another foreign partner")
    choose_view_class = partner_choose
    choose_results_view_class = partner_results


person_choose, person_results = _chooser_views(
    FoldedSearchFilterForm,
    [
        Column("position", label=_("Position"), accessor="position"),
        Column("employer", label=_("Organisation"), accessor="employer"),
    ],
    ["full_name", "pk"],
    lambda view: selectors.people_for(view.request.user),
)


class PersonChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        return selectors.people_for(self.request.user).get(pk=pk)


class PersonChooserViewSet(DirectoryChooserViewSet):
    model = Person
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    choose_view_class = person_choose
    choose_results_view_class = person_results
    chosen_view_class = PersonChosenView


unit_chooser = AdministrativeUnitChooserViewSet("directory_unit_chooser")
organisation_chooser = OrganisationChooserViewSet("directory_organisation_chooser")
country_chooser = CountryChooserViewSet("directory_country_chooser")
partner_chooser = ForeignPartnerChooserViewSet("directory_partner_chooser")
person_chooser = PersonChooserViewSet("directory_person_chooser")
CHOOSERS = (
    unit_chooser,
    organisation_chooser,
    country_chooser,
    partner_chooser,
    person_chooser,
)
