"""load_constitution FILE: create or update the Constitution's sections and articles from a JSON or CSV file."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from proposals.core import articles
from proposals.core.models import Article, Section


class Command(BaseCommand):
    help = (
        "Create or update the Constitution's sections and articles (texts, edition, in force) from a .json or .csv "
        "file in the format the README describes. Checks the whole file first: any problem, nothing is written. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .json or .csv file")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            size = path.stat().st_size
            if size > articles.MAX_FILE_BYTES:
                raise CommandError(f"{path.name}: larger than {articles.MAX_FILE_BYTES // (1024 * 1024)} MB")
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}") from None
        try:
            counts = articles.apply_structure(articles.read_file(path.name, data), Section, Article)
        except articles.StructureError as error:
            raise CommandError("Nothing was loaded:\n  " + "\n  ".join(error.errors)) from None
        self.stdout.write(
            f"{counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged "
            f"({Section.objects.count()} sections, {Article.objects.count()} articles)."
        )
