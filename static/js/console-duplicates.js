// The review desk's likely duplicates: fetched after the page has rendered, in place of the "Show" link.
(function () {
  "use strict";
  document.querySelectorAll("[data-duplicates-url]").forEach(function (section) {
    var body = section.querySelector("[data-duplicates-body]");
    if (!body) {
      return;
    }
    fetch(section.getAttribute("data-duplicates-url"), {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.setAttribute("data-duplicates-loaded", "");
        holder.innerHTML = html;
        body.replaceWith(holder);
      })
      .catch(function () {
        // The link stays: it opens the same list as a page.
      });
  });
})();
