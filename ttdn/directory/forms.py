"""Admin forms: the model validation plus the rules of ``rules.py``, so the editor
sees every problem next to its field before anything is saved."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from ttdn.core.errors import Errors, add_to_form

from .rules import (
    alias_errors,
    border_errors,
    organisation_parent_errors,
    partner_parent_errors,
    successor_errors,
    unit_parent_errors,
)


class RuleErrorsMixin:
    # Rule errors about child relations are shown on their panel (formset).
    FORMSET_FIELDS = {"successors": "succession_links", "aliases": "aliases"}

    def add_rule_errors(self, errors: Errors) -> None:
        add_to_form(self, errors, formset_fields=self.FORMSET_FIELDS)

    def live_children(self, relation: str, field_name: str) -> list:
        """The objects chosen in a child formset's valid, undeleted forms."""
        formset = self.formsets.get(relation)
        if formset is None:
            return []
        formset.errors  # noqa: B018 - validates the child forms
        chosen = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get(field_name):
                continue
            chosen.append(data[field_name])
        return chosen


# The admin's date picker writes dd/mm/yyyy (WAGTAIL_DATE_FORMAT); Django's default
# input formats would read 01/07/2025 as 7 January (the vi locale defines none).
DAY_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class TemporalForm(RuleErrorsMixin, WagtailAdminModelForm):
    """Reads validity dates as dd/mm/yyyy and checks the successor rules against
    the successors chosen in the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("valid_from", "valid_to"):
            if name in self.fields:
                self.fields[name].input_formats = DAY_INPUT_FORMATS

    def successor_rule_errors(self, cleaned) -> Errors:
        successors = self.live_children("succession_links", "successor")
        errors = Errors()
        seen = set()
        for successor in successors:
            if successor.pk in seen:
                errors.add(
                    "successors",
                    _("Successors: “%(name)s” is listed twice.") % {"name": successor},
                )
            seen.add(successor.pk)
        return errors.extend(
            successor_errors(
                self.instance,
                valid_from=cleaned.get("valid_from"),
                valid_to=cleaned.get("valid_to"),
                successors=successors,
            )
        )


class AdministrativeUnitForm(TemporalForm):
    def clean(self):
        cleaned = super().clean()
        errors = Errors()
        if cleaned.get("kind"):
            errors.extend(
                unit_parent_errors(
                    self.instance, kind=cleaned["kind"], parent=cleaned.get("parent")
                )
            )
        errors.extend(
            border_errors(
                is_border=cleaned.get("is_border", False),
                border_countries=cleaned.get("border_countries") or [],
            )
        )
        errors.extend(self.successor_rule_errors(cleaned))
        self.add_rule_errors(errors)
        return cleaned


class OrganisationForm(TemporalForm):
    def clean(self):
        cleaned = super().clean()
        errors = organisation_parent_errors(self.instance, parent=cleaned.get("parent"))
        errors.extend(self.successor_rule_errors(cleaned))
        self.add_rule_errors(errors)
        return cleaned


class CountryForm(RuleErrorsMixin, WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("aliases")
        if formset is None or not formset.is_valid():
            return cleaned
        live = [
            form
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("name")
        ]
        problems = alias_errors(self.instance, [f.cleaned_data["name"] for f in live])
        for form in live:
            problem = problems.get(form.cleaned_data["name"])
            if problem:
                form.add_error("name", problem)
        return cleaned


class ForeignPartnerForm(RuleErrorsMixin, WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        self.add_rule_errors(
            partner_parent_errors(
                self.instance,
                parent=cleaned.get("parent"),
                country=cleaned.get("country"),
            )
        )
        return cleaned
