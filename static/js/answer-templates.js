// The decision page: choosing an answer template fills the public response (without JavaScript, the "use the
// template" button does the same on the server).
(function () {
  "use strict";
  var select = document.querySelector("[data-answer-templates]");
  if (!select) {
    return;
  }
  select.addEventListener("change", function () {
    var option = select.options[select.selectedIndex];
    if (!option || !option.value) {
      return;
    }
    ["kk", "ru", "en"].forEach(function (code) {
      var field = document.getElementById("id_response_" + code);
      if (field) {
        field.value = option.getAttribute("data-" + code) || "";
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
    // The idea's decision page chooses the outcome with the template (the proposal's page has it already).
    var outcome = document.getElementById("id_outcome");
    if (outcome && option.getAttribute("data-outcome")) {
      outcome.value = option.getAttribute("data-outcome");
    }
    var reason = document.getElementById("id_reason");
    var code = option.getAttribute("data-reason");
    if (reason && code) {
      reason.value = code;
    }
  });
}());
