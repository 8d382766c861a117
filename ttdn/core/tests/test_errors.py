from django import forms
from django.core.exceptions import ValidationError

import pytest

from ttdn.core.errors import Errors, add_to_form, model_errors
from ttdn.monitoring.models import DeadlineRule


def test_errors_collect_by_field_and_raise_together():
    errors = Errors()
    errors.add("title", "Tiêu đề: bắt buộc.")
    errors.extend({"title": ["Tiêu đề: quá dài."], "__all__": ["Hồ sơ đã đóng."]})
    assert errors == {
        "title": ["Tiêu đề: bắt buộc.", "Tiêu đề: quá dài."],
        "__all__": ["Hồ sơ đã đóng."],
    }
    with pytest.raises(ValidationError) as raised:
        errors.raise_if_any()
    assert raised.value.message_dict == errors
    Errors().raise_if_any()  # nothing to raise


def test_errors_of_a_validation_error_without_fields_go_to_the_record():
    assert Errors.of(ValidationError(["Một.", "Hai."])) == {"__all__": ["Một.", "Hai."]}
    assert Errors.of(ValidationError({"days": "Số ngày."})) == {"days": ["Số ngày."]}


@pytest.mark.django_db
def test_model_errors_are_what_full_clean_finds():
    rule = DeadlineRule(step="verify", days=0)
    errors = model_errors(rule)
    assert set(errors) == {"days"}
    assert model_errors(rule, exclude=["days"]) == {}


class _Form(forms.Form):
    title = forms.CharField(required=False)


def test_add_to_form_puts_messages_on_their_field_or_the_form():
    form = _Form(data={"title": "x"})
    assert form.is_valid()
    add_to_form(
        form,
        ValidationError({"title": "Tiêu đề: sai.", "unknown": "Trường khác: sai."}),
    )
    assert form.errors == {
        "title": ["Tiêu đề: sai."],
        "__all__": ["Trường khác: sai."],
    }
