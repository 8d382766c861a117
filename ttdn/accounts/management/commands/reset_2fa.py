from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ttdn.accounts import twofactor


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor devices and recovery codes (a lost phone); "
        "they enrol again at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        twofactor.reset(user, by=None)
        self.stdout.write(f"Đã đặt lại đăng nhập hai bước của {username}.")
