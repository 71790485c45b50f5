"""A proposal's decision as it follows from its points' outcomes. Pure: no queries."""
from proposals.core.workflow import NotAcceptedReason, State


class Undecided(ValueError):
    """A point has no outcome yet: the proposal's decision cannot be recorded."""


def decision_from_points(outcomes):
    """(decided state, reason) for a proposal whose points have ``outcomes``, [(outcome, reason)] in any order.

    Every point accepted: accepted; none accepted (every one not accepted): not accepted, with the reason the points
    share, else "other" (the response explains); anything else: partially accepted. Raises Undecided if there is no
    point or a point has no outcome.
    """
    outcomes = list(outcomes)
    if not outcomes or any(not outcome for outcome, _reason in outcomes):
        raise Undecided
    kinds = {outcome for outcome, _reason in outcomes}
    if kinds == {State.ACCEPTED}:
        return State.ACCEPTED, ""
    if kinds == {State.NOT_ACCEPTED}:
        reasons = {reason for _outcome, reason in outcomes}
        return State.NOT_ACCEPTED, reasons.pop() if len(reasons) == 1 else NotAcceptedReason.OTHER
    return State.PARTIALLY_ACCEPTED, ""
