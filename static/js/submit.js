// Show only the fields of the chosen kind of submitter. Without JavaScript every group stays visible and labelled.
(function () {
  "use strict";
  var form = document.querySelector(".proposal-form");
  if (!form) { return; }
  var radios = form.querySelectorAll("input[name='submitter_kind']");
  var groups = form.querySelectorAll(".kind-fields");

  function update() {
    var chosen = form.querySelector("input[name='submitter_kind']:checked");
    var kind = chosen ? chosen.value : "";
    groups.forEach(function (group) {
      var show = !kind || group.getAttribute("data-kinds").split(" ").indexOf(kind) !== -1;
      group.hidden = !show;
    });
  }

  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();

  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
