"""The benchmark's release-and-deliver run at a tiny size: one console action queues, one worker run delivers."""
import io
import json

import pytest
from django.core.management import call_command

from proposals.core.models import Notification, NotificationStatus, ProposalEvent
from proposals.core.workflow import Action
from tests.factories import ensure_roles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def roles():
    ensure_roles()


def test_release_and_deliver_reports_the_release_and_the_delivery_rate(tmp_path):
    output, path = io.StringIO(), tmp_path / "delivery.json"
    call_command("benchmark", deliveries=12, json_path=str(path), stdout=output)
    figures = json.loads(path.read_text(encoding="utf-8"))["release_and_deliver"]
    assert figures["release_status"] == 302 and figures["queued"] == 12 and figures["sent"] == 12
    assert figures["messages_per_second"] > 0
    assert ProposalEvent.objects.filter(action=Action.RELEASE_DECISION).count() == 12
    assert Notification.objects.filter(status=NotificationStatus.SENT).count() == 12
    assert "messages/s" in output.getvalue()


def test_the_release_writes_a_constant_number_of_queries_whatever_the_number(tmp_path):
    counts = []
    for size in (5, 40):
        path = tmp_path / f"{size}.json"
        call_command("benchmark", deliveries=size, json_path=str(path), stdout=io.StringIO())
        counts.append(json.loads(path.read_text(encoding="utf-8"))["release_and_deliver"]["release_queries"])
    assert counts[0] == counts[1]
