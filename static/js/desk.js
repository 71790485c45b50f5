/* The proposal desk: a warning before leaving a page with unsaved edits, and keyboard shortcuts.
   Every element with data-shortcut="<key>" is a shortcut (links and buttons are clicked, anything else focused),
   so controls other parts of the console add join in; "?" lists them all. Nothing fires while typing in a field. */
(function () {
  "use strict";

  var form = document.getElementById("proposal_form");
  var dirty = false;
  if (form) {
    var touched = function (event) {
      // The help dialog's own form is not the proposal's.
      if (event.target && event.target.form === form) {
        dirty = true;
      }
    };
    form.addEventListener("input", touched);
    form.addEventListener("change", touched);
    form.addEventListener("submit", function () {
      dirty = false;
    });
  }
  window.addEventListener("beforeunload", function (event) {
    if (!dirty) {
      return;
    }
    event.preventDefault();
    event.returnValue = "";
  });

  function shortcuts() {
    return Array.prototype.filter.call(document.querySelectorAll("[data-shortcut]"), function (element) {
      return !element.hidden && !element.disabled;
    });
  }

  function typing(target) {
    return Boolean(target && target.closest &&
      target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
  }

  function keysOf(element) {
    var keys = element.getAttribute("aria-keyshortcuts") || element.getAttribute("data-shortcut");
    return keys.split(" ").map(function (key) {
      return key.replace("Control+", "Ctrl+");
    });
  }

  function labelOf(element) {
    return element.getAttribute("data-shortcut-label") || element.getAttribute("aria-label") ||
      (element.tagName === "INPUT" ? element.value : element.textContent).replace(/\s+/g, " ").trim();
  }

  function activate(element) {
    if (element.matches("a, button, input[type=submit], input[type=button]")) {
      element.click();
      return;
    }
    var first = element.querySelector(".workflow-actions .button, .workflow-actions button");
    (first || element).focus();
  }

  var help = document.getElementById("desk-help");
  var helpButton = document.querySelector(".desk-help-button");

  function openHelp() {
    var list = document.getElementById("desk-help-list");
    list.textContent = "";
    shortcuts().forEach(function (element) {
      var term = document.createElement("dt");
      keysOf(element).forEach(function (key, index) {
        if (index) {
          term.appendChild(document.createTextNode(" / "));
        }
        var kbd = document.createElement("kbd");
        kbd.textContent = key;
        term.appendChild(kbd);
      });
      var description = document.createElement("dd");
      description.textContent = labelOf(element);
      list.appendChild(term);
      list.appendChild(description);
    });
    help.showModal();
  }

  if (help && helpButton && typeof help.showModal === "function") {
    helpButton.hidden = false;
    helpButton.addEventListener("click", openHelp);
  }

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S")) {
      var save = document.querySelector("[data-shortcut='s']");
      if (save) {
        event.preventDefault();
        save.click();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat) {
      return;
    }
    if (typing(event.target) || (help && help.open)) {
      return;
    }
    var match = shortcuts().filter(function (element) {
      return element.getAttribute("data-shortcut") === event.key;
    })[0];
    if (match) {
      event.preventDefault();
      activate(match);
    }
  });
})();
