"""The planning app's shared model pieces: document numbers and timestamps."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

document_code_validator = RegexValidator(
    r"^[^\W\d_]+(?:-[^\W_]+)+$",
    _(
        "Code: letters joined by hyphens without spaces, the document type first, "
        "e.g. KH-UBND."
    ),
)
year_validators = [MinValueValidator(1990), MaxValueValidator(2100)]


def document_number(number: int | None, code: str) -> str:
    """``51/KH-UBND``; numbers below 10 with a leading zero (Decree 30/2020);
    ``…/KH-UBND`` while the number is not assigned."""
    if number is None:
        return f"…/{code}" if code else ""
    return f"{number:02d}/{code}" if code else f"{number:02d}"


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
