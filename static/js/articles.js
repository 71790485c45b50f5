// A searchable picker for the articles field: typing a number or a section's name suggests articles with their
// section; choosing one writes its number into the plain text field (which works without JavaScript).
(function () {
  "use strict";
  var input = document.querySelector("input[data-articles-url]");
  if (!input) { return; }
  var articles = null;
  var list = document.createElement("ul");
  list.className = "article-picker__list";
  list.id = input.id + "_suggestions";
  list.hidden = true;
  list.setAttribute("aria-label", input.getAttribute("data-picker-label") || "");
  input.parentNode.classList.add("article-picker");
  input.insertAdjacentElement("afterend", list);
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");

  function load() {
    if (articles !== null) { return Promise.resolve(articles); }
    return fetch(input.getAttribute("data-articles-url"), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : {results: []}; })
      .then(function (data) { articles = data.results || []; return articles; })
      .catch(function () { articles = []; return articles; });
  }

  function parts() {
    var value = input.value;
    var cut = Math.max(value.lastIndexOf(","), value.lastIndexOf(";"));
    return {head: value.slice(0, cut + 1), token: value.slice(cut + 1).trim().toLowerCase()};
  }

  function matches(token) {
    if (!token) { return []; }
    var numeric = /^\d/.test(token);
    var normal = token.replace(/[.\u2013\u2014]/g, "-");
    return articles.filter(function (article) {
      if (numeric) { return article.number.indexOf(normal) === 0; }
      return token.length > 1 && article.section_name.toLowerCase().indexOf(token) !== -1;
    }).slice(0, 8);
  }

  function choose(number) {
    var current = parts();
    var head = current.head ? current.head.replace(/\s*$/, " ") : "";
    input.value = head + number + ", ";
    list.hidden = true;
    input.focus();
  }

  function show() {
    load().then(function () {
      var found = matches(parts().token);
      list.textContent = "";
      found.forEach(function (article) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        var number = document.createElement("strong");
        number.textContent = article.number;
        var section = document.createElement("small");
        section.textContent = " \u00b7 " + article.section_name;
        button.appendChild(number);
        button.appendChild(section);
        button.addEventListener("click", function () { choose(article.number); });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = found.length === 0;
    });
  }

  input.addEventListener("input", show);
  input.addEventListener("focus", function () { load(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { list.hidden = true; }
    if (event.key === "ArrowDown" && !list.hidden) {
      event.preventDefault();
      var first = list.querySelector("button");
      if (first) { first.focus(); }
    }
  });
  list.addEventListener("keydown", function (event) {
    var buttons = Array.prototype.slice.call(list.querySelectorAll("button"));
    var index = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < buttons.length - 1) { event.preventDefault(); buttons[index + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (index > 0 ? buttons[index - 1] : input).focus(); }
    if (event.key === "Escape") { list.hidden = true; input.focus(); }
  });
})();
