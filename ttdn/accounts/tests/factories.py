from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

import factory

from ttdn.accounts.services import role_group

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Người"
    last_name = factory.Sequence(lambda n: f"Dùng {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(*[role_group(key) for key in extracted])
        if create:
            self.save()

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        """Permissions granted to the user directly (``"app.codename"``)."""
        for name in extracted or ():
            app_label, codename = name.split(".")
            self.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
