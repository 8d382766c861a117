"""Wagtail create/edit actions for directory models: the admin views save through
``services`` (validation of every rule, all or nothing) and Wagtail still logs the
change for the history view."""

from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from . import services
from .models import AdministrativeUnit, Country, ForeignPartner, Organisation, Person

SAVE_SERVICES = {
    AdministrativeUnit: services.save_unit,
    Organisation: services.save_organisation,
    Country: services.save_country,
    ForeignPartner: services.save_partner,
    Person: services.save_person,
}


class ServiceSaveMixin:
    def _save_instance(self):
        # The form has been validated; commit=False keeps successor links, border
        # countries and aliases in memory for the service to check and save.
        instance = self.form.save(commit=False) if self.form else self.instance
        self.instance = SAVE_SERVICES[type(instance)](instance)


class DirectoryCreateAction(ServiceSaveMixin, CreateAction):
    pass


class DirectoryEditAction(ServiceSaveMixin, EditAction):
    pass


def register(registry) -> None:
    for model in SAVE_SERVICES:
        registry.register(model, DirectoryCreateAction)
        registry.register(model, DirectoryEditAction)
