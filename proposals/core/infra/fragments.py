"""HTML fragments remembered in each process under a key that names everything they depend on.

A key holds the language, the query and the version of the data a fragment shows, so a remembered fragment is
never stale; the oldest are forgotten first.
"""
import threading
from collections import OrderedDict


class FragmentMemo:
    """At most ``size`` fragments, the least recently used forgotten first (safe across threads)."""

    def __init__(self, size):
        self.size = size
        self._fragments = OrderedDict()
        self._lock = threading.Lock()

    def get_or_render(self, key, render):
        """The fragment remembered under ``key``, or ``render()``'s, remembered."""
        with self._lock:
            fragment = self._fragments.get(key)
            if fragment is not None:
                self._fragments.move_to_end(key)
                return fragment
        fragment = render()
        with self._lock:
            self._fragments[key] = fragment
            if len(self._fragments) > self.size:
                self._fragments.popitem(last=False)
        return fragment
