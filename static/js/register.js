// On wide screens the filters sit beside the results, so open them; on phones they stay folded above the list.
(function () {
  "use strict";
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 60rem)").matches) { filters.open = true; }
})();
