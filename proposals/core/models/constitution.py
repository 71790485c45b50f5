"""The Constitution's sections and articles, and the links that say which articles a proposal would change."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from proposals.core.models.proposal import Proposal
from proposals.core.models.reference import in_language

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


class SectionManager(models.Manager):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class Section(models.Model):
    """A section (бөлім, раздел) of the Constitution, numbered as it is (I to IX), named in kk, ru and en."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    objects = SectionManager()

    class Meta:
        verbose_name = _("section of the Constitution")
        verbose_name_plural = _("sections of the Constitution")
        ordering = ["number"]

    def __str__(self):
        return f"{self.roman}. {self.name}"

    def natural_key(self):
        return (self.number,)

    @property
    def name(self):
        return in_language(self, "name")

    @property
    def roman(self):
        return ROMAN[self.number] if self.number < len(ROMAN) else str(self.number)


class ArticleManager(models.Manager):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class Article(models.Model):
    """An article as the Constitution numbers it ("50", "44-1"), in its section; its text is optional."""

    number = models.CharField(
        _("number"), max_length=10, unique=True, help_text=_("As the Constitution writes it: 50, 44-1")
    )
    # The number's parts, so that 9 < 10 < 44 < 44-1 < 45 in every list.
    main = models.PositiveSmallIntegerField(editable=False)
    sub = models.PositiveSmallIntegerField(default=0, editable=False)
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles"
    )
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    edition = models.CharField(
        _("edition"), max_length=100, blank=True, help_text=_("The text of the Constitution this article belongs to")
    )
    in_force = models.BooleanField(
        _("in force"), default=True, help_text=_("Unticked: repealed, or an article that a proposal would add")
    )

    objects = ArticleManager()

    class Meta:
        verbose_name = _("article of the Constitution")
        verbose_name_plural = _("articles of the Constitution")
        ordering = ["main", "sub"]
        indexes = [models.Index(fields=["main", "sub"], name="article_order")]

    def __str__(self):
        # Translators: an article of the Constitution by its number, e.g. "Article 50-1".
        return _("Article %(number)s") % {"number": self.number}

    def save(self, *args, **kwargs):
        from proposals.core.articles import number_parts

        self.main, self.sub = number_parts(self.number)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.number,)

    @property
    def text(self):
        return in_language(self, "text")


class ArticleChange(models.TextChoices):
    """What a proposal would do to an article."""

    AMEND = "amend", pgettext_lazy("article change", "Amend")
    ADD = "add", pgettext_lazy("article change", "Add an article or part")
    REPEAL = "repeal", pgettext_lazy("article change", "Repeal")
    CONCERNS = "concerns", pgettext_lazy("article change", "Concerns")


class ProposalArticle(models.Model):
    """A point's link to one article, with what it would do to it. No links: no specific article.

    The link keeps its point's proposal too (the same for every link of a point): the register's article filter,
    an article's page and the listing triggers read links by proposal without a join through the points.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="article_links")
    point = models.ForeignKey(
        "proposals.Point", verbose_name=_("point"), on_delete=models.CASCADE, related_name="article_links"
    )
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.PROTECT, related_name="proposal_links"
    )
    change = models.CharField(
        _("change"), max_length=10, choices=ArticleChange.choices, default=ArticleChange.CONCERNS
    )
    # The proposal's received time while the public may read it, else empty: kept by the database (triggers of
    # migration 0028 on both tables), so an article's page reads its newest public proposals from its own links in
    # order (proposals.core.articles.citing) instead of walking the whole register for the ones that cite it.
    listed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("article concerned")
        verbose_name_plural = _("articles concerned")
        ordering = ["article__main", "article__sub"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "article"], name="proposal_article_unique"),
            models.CheckConstraint(condition=Q(change__in=ArticleChange.values), name="proposal_article_change_known"),
        ]
        # An article's page and counts read the links by article, then the proposals by key.
        indexes = [
            models.Index(fields=["article", "proposal"], name="proposal_article_by_article"),
            models.Index(fields=["article", "-listed_at", "-proposal"], condition=Q(listed_at__isnull=False),
                         name="article_listed_newest"),
        ]

    def __str__(self):
        return f"{self.article.number} ({self.get_change_display()})"
