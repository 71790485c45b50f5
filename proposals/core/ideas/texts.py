"""The text of a point as the similarity reads it, and the states whose points may belong to an idea."""
from proposals.core.workflow import DECIDED_STATES, OPEN_STATES

# A duplicate (the same submitter's second copy), out of scope, withdrawn or spam proposal is never a member:
# only what is answered joins an idea.
MEMBER_STATES = tuple(sorted(OPEN_STATES | DECIDED_STATES))


def point_text(point, proposal=None):
    """What a point proposes in words: its excerpt, or for the whole submission its proposal's title and text."""
    proposal = proposal or point.proposal
    return point.text or f"{proposal.title}\n{proposal.text}"
