import json

from django.core.management.base import BaseCommand, CommandError

from ttdn.directory import services


class Command(BaseCommand):
    help = (
        "Load the directory's reference data: the 34 provinces and their wards, "
        "communes and special zones (package vietnam-provinces), the historic units "
        "the records need (Phú Yên, the districts Vân Hồ and Mộc Châu) and the "
        "countries with their Vietnamese names (pycountry and a curated table). "
        "Idempotent: a second run changes nothing. Never overwrites English names, "
        "border flags, validity dates or links that administrators maintain."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            metavar="CODE",
            help="Load the wards and communes of this province only (official code, "
            "e.g. 14 for Sơn La); repeatable. Provinces are always all loaded.",
        )
        parser.add_argument(
            "--skip-units",
            action="store_true",
            help="Do not load administrative units.",
        )
        parser.add_argument(
            "--skip-countries", action="store_true", help="Do not load countries."
        )
        parser.add_argument(
            "--refresh-country-names",
            action="store_true",
            help="Overwrite Vietnamese country names with the curated ones.",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the report as JSON."
        )

    def handle(self, *args, **options):
        codes = options["province"]
        if codes and not all(code.isdigit() and len(code) <= 2 for code in codes):
            raise CommandError(
                "--province: give the official province code, 1 or 2 digits (e.g. 14)."
            )
        report = services.load_reference_data(
            units=not options["skip_units"],
            countries=not options["skip_countries"],
            province_codes=codes,
            refresh_country_names=options["refresh_country_names"],
        )
        parts = {}
        if report.units:
            parts["units"] = {
                "created": report.units.created,
                "updated": report.units.updated,
                "unchanged": report.units.unchanged,
                "successor_links_added": report.units.links_added,
            }
        if report.countries:
            parts["countries"] = {
                "created": report.countries.created,
                "updated": report.countries.updated,
                "unchanged": report.countries.unchanged,
                "aliases_added": report.countries.aliases_added,
            }
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {**parts, "changed": report.changed, "warnings": report.warnings},
                    ensure_ascii=False,
                )
            )
            return
        for name, counts in parts.items():
            summary = ", ".join(f"{key} {value}" for key, value in counts.items())
            self.stdout.write(f"{name}: {summary}")
        for warning in report.warnings:
            self.stderr.write(f"! {warning}")
        if report.changed:
            self.stdout.write(f"Reference data loaded ({report.changed} changes).")
        else:
            self.stdout.write("Reference data already up to date; nothing changed.")
