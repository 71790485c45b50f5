"""Recording a decision together with its public response, so no decision waits without its answer."""
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from proposals.core import workflow
from proposals.core.services.base import WorkflowError
from proposals.core.services.edits import proposal_edit
from proposals.core.services.transitions import proposal_transition

RESPONSE_LANGUAGES = ("kk", "ru", "en")
REQUIRED_RESPONSE_LANGUAGES = ("kk", "ru")


def proposal_decide(*, proposal, action, actor, response, note="", reason="", at=None):
    """Record the decision ``action`` (accept, accept_partially, reject) on ``proposal`` with its public ``response``.

    ``response`` maps a language code to the Working Group's public answer: Kazakh and Russian are required, English
    optional. In ONE transaction: the response is saved through proposal_edit (its ``edit`` event) and the decision
    through proposal_transition (its own event); ``note`` is the internal note of the decision, never public.
    Raises WorkflowError and changes nothing if ``action`` is not a decision, a required response is missing
    ("response_required"), or either service refuses.
    """
    transition = workflow.transition_for(action)
    if transition is None or not transition.decides:
        raise WorkflowError(_("Not a decision."), "not_a_decision")
    texts = {code: (response.get(code) or "").strip() for code in RESPONSE_LANGUAGES}
    if not all(texts[code] for code in REQUIRED_RESPONSE_LANGUAGES):
        raise WorkflowError(
            _("A decision needs its public response in Kazakh and Russian."), "response_required"
        )
    with transaction.atomic():
        proposal_edit(
            proposal=proposal, actor=actor, changes={f"response_{code}": texts[code] for code in RESPONSE_LANGUAGES},
            at=at,
        )
        proposal_transition(proposal=proposal, action=action, actor=actor, note=note, reason=reason, at=at)
    return proposal
