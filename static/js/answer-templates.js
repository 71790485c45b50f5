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
    var reason = document.getElementById("id_reason");
    var code = option.getAttribute("data-reason");
    if (reason && code) {
      reason.value = code;
    }
  });
}());
