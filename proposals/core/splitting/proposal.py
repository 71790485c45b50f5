"""suggestions_for: the suggested points of a proposal, from its text first, then from each attachment in turn."""
from proposals.core.splitting.attachment import attachment_text
from proposals.core.splitting.errors import ExtractionError
from proposals.core.splitting.suggest import suggest_points


def suggestions_for(proposal):
    """(suggestions, problems) for ``proposal``.

    The suggestions come from the first source that holds a list of two or more items: the proposal's text,
    then its attachments in upload order (each read within the extraction limits; reading stops at the
    first that gives a list). ``problems`` are translated messages, one per attachment that could not be read
    before a list was found. Both are empty when nothing suggests a split.
    """
    suggestions = suggest_points(proposal.text)
    if suggestions:
        return suggestions, []
    problems = []
    for attachment in proposal.attachments.all():
        try:
            text = attachment_text(attachment)
        except ExtractionError as exc:
            problems.append(str(exc))
            continue
        suggestions = suggest_points(text, source=attachment.original_name)
        if suggestions:
            return suggestions, problems
    return [], problems
