"""The band keys of points (the candidate search's index), written with every change of a point's text."""
from proposals.core.ideas.texts import point_text
from proposals.core.models import PointKey
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
