from django.core.management.base import BaseCommand

from ttdn.accounts import demo


class Command(BaseCommand):
    help = (
        "Enrol the demo accounts that need two-factor login with one shared "
        "authenticator key and print it with the code valid now (make run)."
    )

    def handle(self, *args, **options):
        lines = demo.enrol_demo_totp()
        for line in lines or ["Không có tài khoản trình diễn cần đăng nhập hai bước."]:
            self.stdout.write(line)
