import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from ttdn.affairs.narrative import delegation_narrative
from ttdn.affairs.selectors import Period, delegation_stats
from ttdn.directory.selectors import resolve_country


def _day(value: str, option: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise CommandError(
        f"{option}: “{value}” is not a date; write it as YYYY-MM-DD "
        "(e.g. 2016-01-01) or DD/MM/YYYY."
    )


class Command(BaseCommand):
    help = (
        "Count the delegations that took place (started) in a period and their "
        "person-visits, incoming and outgoing, optionally with the part of one "
        "country; or write the Vietnamese summary paragraph. Records of units "
        "that no longer exist count for their successor at the end of the period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="start", required=True, metavar="DATE", help="First day."
        )
        parser.add_argument(
            "--to", dest="end", required=True, metavar="DATE", help="Last day."
        )
        parser.add_argument(
            "--country",
            help="Add the “of which” part of this country: ISO code (LA, LAO) or "
            "Vietnamese name (Lào, CHDCND Lào).",
        )
        parser.add_argument(
            "--as-of",
            dest="as_of",
            metavar="DATE",
            help="Roll units up to the ones valid on this day (default: --to).",
        )
        output = parser.add_mutually_exclusive_group()
        output.add_argument("--json", action="store_true", help="Print JSON.")
        output.add_argument(
            "--narrative",
            action="store_true",
            help="Print the summary paragraph (Vietnamese).",
        )

    def handle(self, *args, **options):
        start = _day(options["start"], "--from")
        end = _day(options["end"], "--to")
        if end < start:
            raise CommandError(
                f"--to: {end:%Y-%m-%d} is before --from {start:%Y-%m-%d}."
            )
        as_of = _day(options["as_of"], "--as-of") if options["as_of"] else None
        country = None
        if options["country"]:
            country = resolve_country(options["country"])
            if country is None:
                raise CommandError(
                    f"--country: “{options['country']}” is not a known country "
                    "(use an ISO code such as LA or a Vietnamese name such as Lào)."
                )
        period = Period.between(start, end)
        stats = delegation_stats(period, country=country, rollup_on=as_of)
        if options["json"]:
            self.stdout.write(json.dumps(stats, ensure_ascii=False))
            return
        if options["narrative"]:
            self.stdout.write(
                delegation_narrative(
                    period, country=country, rollup_on=as_of, stats=stats
                )
            )
            return
        self.stdout.write(f"Period: {start:%d/%m/%Y} – {end:%d/%m/%Y}")
        for key, label in (("incoming", "Incoming"), ("outgoing", "Outgoing")):
            entry = stats[key]
            line = (
                f"{label}: {entry['delegations']} delegations, "
                f"{entry['persons']} person-visits"
            )
            if country is not None:
                part = entry["of_which"][country.alpha_2]
                line += (
                    f"; of which {country.alpha_2} ({country.name_vi}): "
                    f"{part['delegations']} delegations, {part['persons']} "
                    "person-visits"
                )
            self.stdout.write(line)
