"""Validation errors the way every service and form here uses them.

A service checks everything first and collects the problems in an :class:`Errors`
(field name → messages in the user's language, each naming its field); it raises
them together as a ``ValidationError`` and changes nothing. An admin form puts a
service's errors back on its fields with :func:`add_to_form`.
"""

from collections.abc import Iterable, Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class Errors(dict):
    """Field name → list of messages (``"__all__"`` for the record as a whole)."""

    def add(self, field: str, message) -> None:
        self.setdefault(field, []).append(str(message))

    def extend(self, other: Mapping) -> "Errors":
        for field, messages in other.items():
            for message in messages:
                self.add(field, message)
        return self

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError({field: list(m) for field, m in self.items()})

    @classmethod
    def of(cls, error: ValidationError) -> "Errors":
        """The messages of a ``ValidationError`` by field (non-field ones under
        ``"__all__"``)."""
        errors = cls()
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                for message in messages:
                    errors.add(field, message)
        else:
            for message in error.messages:
                errors.add(NON_FIELD_ERRORS, message)
        return errors


def model_errors(instance, *, exclude: Iterable[str] = ()) -> Errors:
    """What ``full_clean`` finds wrong with *instance* (nothing raised)."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        return Errors.of(error)
    return Errors()


def add_to_form(
    form: forms.BaseForm,
    error: ValidationError | Mapping,
    *,
    formset_fields: Mapping[str, str] | None = None,
) -> None:
    """Put a service's errors on *form*: next to their field when the form has it,
    on the panel of the child rows they are about (``formset_fields`` maps an
    error's field name to a formset of the form, e.g. ``"members"`` →
    ``"members"``), on the form as a whole otherwise."""
    errors = Errors.of(error) if isinstance(error, ValidationError) else error
    formsets = getattr(form, "formsets", None) or {}
    names = formset_fields or {}
    for field, messages in errors.items():
        formset = formsets.get(names.get(field, field))
        for message in messages:
            if field in form.fields:
                form.add_error(field, message)
            elif formset is not None:
                # Computes the child forms' errors first, then adds ours.
                formset._non_form_errors = formset.non_form_errors()
                formset._non_form_errors.append(message)
                form.add_error(None, message)
            else:
                form.add_error(None, message)
