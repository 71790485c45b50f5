// The queue's filter panel: folded by default; on a wide screen, where it sits beside the list, open it, unless
// the admin's filters.js remembers that this person folded it (the same sessionStorage entry it keeps per filter).
(function () {
  "use strict";
  var panel = document.querySelector("#changelist-filter details.filter-panel");
  if (!panel) { return; }
  var saved = {};
  try { saved = JSON.parse(sessionStorage.getItem("django.admin.filtersState")) || {}; } catch (error) { saved = {}; }
  if (!(panel.dataset.filterTitle in saved) && window.matchMedia("(min-width: 100rem)").matches) { panel.open = true; }
})();
