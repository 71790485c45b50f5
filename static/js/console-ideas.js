// The console's ideas: a point's likely ideas fetched when its slot comes into view (in place of the "Show" link),
// and "choose all on this page" on the idea desk's lists.
(function () {
  "use strict";

  function load(section) {
    var body = section.querySelector("[data-ideas-body]");
    if (!body) {
      return;
    }
    fetch(section.getAttribute("data-ideas-url"), {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.setAttribute("data-ideas-loaded", "");
        holder.innerHTML = html;
        body.replaceWith(holder);
      })
      .catch(function () {
        // The link stays: it opens the same list as a page.
      });
  }

  var slots = document.querySelectorAll("[data-ideas-url]");
  if ("IntersectionObserver" in window) {
    // A package's hundred points: each point's search runs only when its slot is seen.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          load(entry.target);
        }
      });
    });
    slots.forEach(function (section) { observer.observe(section); });
  } else {
    slots.forEach(load);
  }

  document.querySelectorAll("[data-check-all]").forEach(function (box) {
    var table = document.getElementById(box.getAttribute("data-check-all"));
    if (!table) {
      return;
    }
    box.hidden = false;
    box.addEventListener("change", function () {
      table.querySelectorAll("tbody input[type=checkbox][name=point]").forEach(function (item) {
        item.checked = box.checked;
      });
    });
  });
})();
