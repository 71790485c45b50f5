"""The band keys of points and ideas (the candidate search's index), written with every change of their text."""
from proposals.core.ideas.texts import point_text
from proposals.core.models import IdeaKey, PointKey
from proposals.core.similarity import band_keys


def point_keys_write(points, *, replace=True):
    """Write the band keys of ``points`` (Points with their proposal at hand), replacing what they had unless
    ``replace`` is False (new points). Called in the transaction of the change, so the index never describes a text
    that is no longer there."""
    points = list(points)
    if replace and points:
        PointKey.objects.filter(point__in=[point.pk for point in points]).delete()
    PointKey.objects.bulk_create(
        [PointKey(key=key, point_id=point.pk) for point in points for key in set(band_keys(point_text(point)))],
        batch_size=2000,
    )


def idea_keys_write(idea):
    """Write the band keys of ``idea``'s text, replacing what it had: new points find the idea by its own text."""
    IdeaKey.objects.filter(idea=idea).delete()
    IdeaKey.objects.bulk_create([IdeaKey(key=key, idea=idea) for key in set(band_keys(idea.text))])
