"""Template filters of the proposal desk."""
from django import template

register = template.Library()


@register.filter
def field_label(opts, name):
    """The verbose name of the model field ``name`` (``{{ opts|field_label:"received_at" }}``)."""
    return opts.get_field(name).verbose_name
