"""Racing check-outs on PostgreSQL: two people opening a proposal at once never both hold it, nor save over it."""
import threading

import pytest
from django.db import connections, transaction

from proposals.core import services
from proposals.core.models import Proposal, ProposalLock
from tests.factories import make_proposal, make_user
from tests.test_concurrency import waiting_on_locks

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(proposal, calls):
    """Run each call(proposal) in its own thread and connection, all queued on the proposal's row lock first."""
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            outcomes[index] = call(Proposal(pk=proposal.pk))
        except services.WorkflowError as error:
            outcomes[index] = error.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    with transaction.atomic():
        Proposal.objects.select_for_update().get(pk=proposal.pk)
        for thread in threads:
            thread.start()
        for _ in range(500):
            if waiting_on_locks() >= len(threads):
                break
            threading.Event().wait(0.02)
        assert waiting_on_locks() == len(threads), "the threads never queued on the row lock"
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_people_opening_at_once_get_one_lock_between_them():
    proposal = make_proposal()
    users = [make_user("analyst") for _ in range(3)]

    holders = race(proposal, [lambda p, u=u: services.proposal_lock_take(proposal=p, user=u).holder_id for u in users])

    assert len(set(holders)) == 1
    assert ProposalLock.objects.get(proposal=proposal).holder_id == holders[0]


def test_a_save_racing_a_colleagues_check_out_either_lands_first_or_is_refused():
    proposal = make_proposal()
    holder, other = make_user("analyst"), make_user("analyst")

    def take(p):
        return services.proposal_lock_take(proposal=p, user=holder).holder_id

    def edit(p):
        services.proposal_edit(proposal=p, actor=other, changes={"summary_ru": "Чужой текст"})
        return "saved"

    first, second = race(proposal, [take, edit])

    assert first == holder.pk
    summary = Proposal.objects.get(pk=proposal.pk).summary_ru
    assert (second, summary) in {("saved", "Чужой текст"), ("locked", "")}
