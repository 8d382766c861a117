from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The platform's user. Roles are Django groups (see roles.py)."""

    position = models.CharField(
        _("position"), max_length=255, blank=True, help_text=_("e.g. Chuyên viên")
    )
    # Scoping: a focal point sees only their organisation's records
    # (ttdn.accounts.selectors).
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
        help_text=_(
            "The body the user works for. A focal point sees only this "
            "organisation's records."
        ),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username


class PasswordRecord(models.Model):
    """A password a user had (its hash, never the password), to refuse reusing
    recent ones and to tell when the current one expires
    (``passwords.py``, docs/security.md#passwords)."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="password_records"
    )
    password = models.CharField(max_length=128)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("password record")
        verbose_name_plural = _("password records")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.user} ({self.changed_at:%d/%m/%Y})"
