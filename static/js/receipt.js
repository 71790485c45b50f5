// Copy and print buttons for the tracking code; hidden when JavaScript is off (the code is plain text anyway).
(function () {
  "use strict";
  var copy = document.querySelector("[data-copy]");
  var print = document.querySelector("[data-print]");
  var copied = document.querySelector(".copied");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var text = document.querySelector(copy.getAttribute("data-copy")).textContent.trim();
      navigator.clipboard.writeText(text).then(function () { if (copied) { copied.hidden = false; } });
    });
  }
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
