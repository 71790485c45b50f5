"""The desk's points pages: split a package into points, join, add, edit and remove them, and answer each one."""
from django import forms
from django.contrib import messages
from django.db import transaction
from django.forms import formset_factory
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from proposals.console.acting import keep_filters
from proposals.core import services, workflow
from proposals.core.models import Article, ArticleChange, Category, Point, PointOutcome, Proposal, ProposalArticle
from proposals.core.points import Undecided, decision_from_points
from proposals.core.splitting import suggestions_for
from proposals.core.workflow import DECIDED_STATES, NotAcceptedReason, State

LANGUAGES = ("kk", "ru", "en")


class SplitForm(forms.Form):
    """A point's text cut into points by hand: one point per paragraph (a blank line between two points)."""

    items = forms.CharField(
        label=gettext_lazy("The points, one per paragraph"), widget=forms.Textarea(attrs={"rows": 12}),
        help_text=gettext_lazy("Leave a blank line between two points."),
    )

    def texts(self):
        paragraphs = self.cleaned_data["items"].replace("\r\n", "\n").split("\n\n")
        return [paragraph.strip() for paragraph in paragraphs if paragraph.strip()]


def suggested_texts(data, count):
    """The points staff kept of ``count`` suggestions (POST ``data``): each kept one's edited text, joined to the
    kept one before it where "join with the previous" is ticked."""
    texts = []
    for index in range(min(count, services.MAX_POINTS)):
        if not data.get(f"suggestion-{index}-keep"):
            continue
        text = (data.get(f"suggestion-{index}-text") or "").strip()
        if data.get(f"suggestion-{index}-join") and texts:
            texts[-1] = f"{texts[-1]}\n{text}"
        else:
            texts.append(text)
    return texts


def suggestion_rows(suggestions, data=None):
    """What the suggestions table shows: each suggestion with what staff typed or ticked (a refused POST)."""
    rows = []
    for index, suggestion in enumerate(suggestions):
        if data is None:
            keep, text, join = True, suggestion.text, False
        else:
            keep = bool(data.get(f"suggestion-{index}-keep"))
            text = data.get(f"suggestion-{index}-text", suggestion.text)
            join = bool(data.get(f"suggestion-{index}-join"))
        rows.append({"index": index, "label": suggestion.label, "text": text, "keep": keep, "join": join})
    return rows


class PointForm(forms.ModelForm):
    """What staff write of one point: its excerpt, topic and public summaries."""

    class Meta:
        model = Point
        fields = ["text", "category", "summary_kk", "summary_ru", "summary_en"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8}),
            **{f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code in LANGUAGES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True
        self.fields["category"].queryset = Category.objects.filter(is_active=True).order_by("position")


class AddPointForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Text of the new point"), widget=forms.Textarea(attrs={"rows": 4}))


class DropForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Why is the point removed?"), widget=forms.Textarea(attrs={"rows": 2}))


class LinkForm(forms.Form):
    article = forms.ChoiceField(label=gettext_lazy("Article"), required=False)
    change = forms.ChoiceField(label=gettext_lazy("Change"), choices=ArticleChange.choices, required=False)


LinkFormSet = formset_factory(LinkForm, extra=3, max_num=30, validate_max=True)


class AnswerForm(forms.Form):
    """The Working Group's answer to one point (services.points_decide checks it again)."""

    outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"), required=False, choices=[("", "—"), *PointOutcome.choices],
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason not accepted"), required=False, choices=[("", "—"), *NotAcceptedReason.choices],
    )
    response_kk = forms.CharField(label=gettext_lazy("Public response (Kazakh)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    response_ru = forms.CharField(label=gettext_lazy("Public response (Russian)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    response_en = forms.CharField(label=gettext_lazy("Public response (English, optional)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


AnswerFormSet = formset_factory(AnswerForm, extra=0)


def may_change_points(proposal, user):
    """Whether ``user`` may split, join and edit ``proposal``'s points now (the services check again)."""
    return proposal.state not in DECIDED_STATES and "category" in services.editable_fields(proposal, user)


def may_answer_points(proposal, user):
    return proposal.state == State.WITH_WORKING_GROUP and user.has_perm(workflow.DECIDE)


def points_with_links(proposal):
    """The proposal's points in order, each with ``links`` (its article links with their articles): two queries."""
    points = list(proposal.points.select_related("category").order_by("number"))
    links = {}
    for link in ProposalArticle.objects.filter(proposal=proposal).select_related("article").order_by(
        "article__main", "article__sub"
    ):
        links.setdefault(link.point_id, []).append(link)
    for point in points:
        point.links = links.get(point.pk, [])
    return points


def desk_points(request, proposal):
    """The proposal's points for its desk page, read once per request (the inlines and the panel both ask)."""
    kept = getattr(request, "_desk_points", None)
    if kept is None or kept[0] != proposal.pk:
        kept = request._desk_points = (proposal.pk, list(proposal.points.select_related("category").order_by("number")))
    return kept[1]


def points_decision(points):
    """The decision the points' outcomes give, or None while one has none."""
    try:
        state, _reason = decision_from_points((point.outcome, point.outcome_reason) for point in points)
    except Undecided:
        return None
    return State(state)


class PointsDesk:
    """ModelAdmin views of a proposal's points (mixed into ProposalAdmin)."""

    def points_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/points/", wrap(self.points_view), name="proposals_proposal_points"),
            path("<int:object_id>/points/answers/", wrap(self.answers_view), name="proposals_proposal_answers"),
            path("<int:object_id>/points/<int:number>/", wrap(self.point_view), name="proposals_proposal_point"),
        ]

    def _proposal(self, request, object_id):
        proposal = get_object_or_404(Proposal.objects.select_related("category"), pk=object_id)
        if not self.has_view_permission(request, proposal):
            raise Http404
        return proposal

    def _context(self, request, proposal, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "proposal": proposal,
            "change_url": keep_filters(self, request, reverse("admin:proposals_proposal_change", args=[proposal.pk])),
            "points_url": keep_filters(self, request, reverse("admin:proposals_proposal_points", args=[proposal.pk])),
            "changelist_url": keep_filters(self, request, reverse("admin:proposals_proposal_changelist")),
            **extra,
        }

    def _done(self, request, message, url):
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(url)

    def points_view(self, request, object_id):
        """Every point of the proposal; split point 1 by hand, join checked points, add one at the end."""
        proposal = self._proposal(request, object_id)
        editable = may_change_points(proposal, request.user)
        points = points_with_links(proposal)
        context = self._context(request, proposal, _("Points"), points=points, editable=editable,
                                may_answer=may_answer_points(proposal, request.user),
                                decision=points_decision(points) if len(points) > 1 else None)
        split_form = SplitForm(prefix="split", initial={"items": proposal.text})
        add_form = AddPointForm(prefix="add")
        suggestions, problems = suggestions_for(proposal) if editable and len(points) == 1 else ([], [])
        typed = None
        if request.method == "POST":
            if not editable:
                raise Http404
            try:
                if "_split_suggested" in request.POST:
                    typed = request.POST
                    texts = suggested_texts(request.POST, len(suggestions))
                    created = services.point_split(point=points[0], actor=request.user, texts=texts)
                    return self._done(request, _("Split into %(count)d points.") % {"count": len(created)},
                                      context["points_url"])
                if "_split" in request.POST:
                    split_form = SplitForm(request.POST, prefix="split")
                    if split_form.is_valid():
                        created = services.point_split(point=points[0], actor=request.user, texts=split_form.texts())
                        return self._done(request, _("Split into %(count)d points.") % {"count": len(created)},
                                          context["points_url"])
                elif "_join" in request.POST:
                    numbers = [int(value) for value in request.POST.getlist("join") if value.isdigit()]
                    point = services.points_join(proposal=proposal, actor=request.user, numbers=numbers)
                    return self._done(request, _("Joined into point %(number)d.") % {"number": point.number},
                                      context["points_url"])
                elif "_add" in request.POST:
                    add_form = AddPointForm(request.POST, prefix="add")
                    if add_form.is_valid():
                        point = services.point_add(proposal=proposal, actor=request.user,
                                                   text=add_form.cleaned_data["text"])
                        return self._done(request, _("Point %(number)d added.") % {"number": point.number},
                                          context["points_url"])
            except services.WorkflowError as error:
                # The typed texts stay in the forms above; the reason is shown at the top.
                context["refusal"] = error.message
        context.update(split_form=split_form, add_form=add_form, suggestions=suggestion_rows(suggestions, typed),
                       suggestions_source=suggestions[0].source if suggestions else "", problems=problems)
        return TemplateResponse(request, "console/points.html", context)

    def point_view(self, request, object_id, number):
        """One point: its text, topic, summaries and articles; split it or remove it."""
        proposal = self._proposal(request, object_id)
        point = get_object_or_404(Point.objects.select_related("category"), proposal=proposal, number=number)
        editable = may_change_points(proposal, request.user)
        # Point 1 of a one-point proposal follows the proposal's own fields: here it can only be split.
        single = not proposal.points.filter(number__gt=1).exists()
        links = list(ProposalArticle.objects.filter(point=point).select_related("article").order_by(
            "article__main", "article__sub"))
        initial_text = point.text or proposal.text
        form = PointForm(instance=point, initial={"text": initial_text}, prefix="point")
        link_formset = LinkFormSet(prefix="links", initial=[
            {"article": link.article_id, "change": link.change} for link in links
        ])
        split_form = SplitForm(prefix="split", initial={"items": initial_text})
        drop_form = DropForm(prefix="drop")
        context = self._context(request, proposal, str(point), point=point, links=links, editable=editable,
                                single=single)
        if request.method == "POST":
            if not editable:
                raise Http404
            try:
                if "_save" in request.POST and not single:
                    form = PointForm(request.POST, instance=Point.objects.get(pk=point.pk), prefix="point",
                                     initial={"text": initial_text})
                    link_formset = LinkFormSet(request.POST, prefix="links")
                    _set_article_choices(link_formset)
                    if form.is_valid() and link_formset.is_valid():
                        return self._save_point(request, proposal, point, form, link_formset, context)
                elif "_split" in request.POST:
                    split_form = SplitForm(request.POST, prefix="split")
                    if split_form.is_valid():
                        created = services.point_split(point=point, actor=request.user, texts=split_form.texts())
                        return self._done(request, _("Split into %(count)d points.") % {"count": len(created)},
                                          context["points_url"])
                elif "_drop" in request.POST and not single:
                    drop_form = DropForm(request.POST, prefix="drop")
                    if drop_form.is_valid():
                        services.point_drop(point=point, actor=request.user, note=drop_form.cleaned_data["note"])
                        return self._done(request, _("Point %(number)d removed.") % {"number": number},
                                          context["points_url"])
            except services.WorkflowError as error:
                context["refusal"] = error.message
        _set_article_choices(link_formset)
        context.update(form=form, link_formset=link_formset, split_form=split_form, drop_form=drop_form,
                       media=self.media + form.media)
        return TemplateResponse(request, "console/point.html", context)

    def _save_point(self, request, proposal, point, form, link_formset, context):
        """The point's fields and its articles, each through its service, in one transaction: a refusal of either
        leaves both as they were."""
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        wanted = []
        for row in link_formset.cleaned_data:
            if row.get("article"):
                wanted.append((int(row["article"]), row.get("change") or ArticleChange.CONCERNS))
        articles = Article.objects.in_bulk([pk for pk, _change in wanted])
        with transaction.atomic():
            if changes:
                services.point_edit(point=point, actor=request.user, changes=changes)
            services.proposal_articles_set(
                proposal=proposal, point=point, actor=request.user,
                links=[(articles[pk], change) for pk, change in wanted if pk in articles],
            )
        return self._done(request, _("Point %(number)d saved.") % {"number": point.number}, context["points_url"])

    def answers_view(self, request, object_id):
        """The Working Group's answer to each point, then the decision they give."""
        proposal = self._proposal(request, object_id)
        points = points_with_links(proposal)
        if not may_answer_points(proposal, request.user):
            raise Http404
        initial = [
            {"outcome": point.outcome, "reason": point.outcome_reason,
             **{f"response_{code}": getattr(point, f"response_{code}") for code in LANGUAGES}}
            for point in points
        ]
        formset = AnswerFormSet(request.POST or None, initial=initial, prefix="answers")
        context = self._context(request, proposal, _("Answers to the points"), points=points)
        if request.method == "POST" and formset.is_valid() and len(formset.forms) == len(points):
            outcomes = {
                point.number: {"outcome": data["outcome"], "reason": data["reason"],
                               "response": {code: data[f"response_{code}"] for code in LANGUAGES}}
                for point, data in zip(points, formset.cleaned_data, strict=True)
            }
            try:
                services.points_decide(proposal=proposal, actor=request.user, outcomes=outcomes)
            except services.WorkflowError as error:
                context["refusal"] = error.message
            else:
                return self._done(request, _("The answers to the points are saved."), context["points_url"])
        context.update(rows=list(zip(points, formset.forms, strict=True)), formset=formset)
        return TemplateResponse(request, "console/point_answers.html", context)


def _set_article_choices(formset):
    """Every row's select offers the articles (number and section, as the public picker shows them), read once for
    the whole formset."""
    articles = Article.objects.select_related("section").order_by("main", "sub")
    choices = [("", "—"), *((str(article.pk), f"{article.number} · {article.section}") for article in articles)]
    for form in formset.forms:
        form.fields["article"].choices = choices
