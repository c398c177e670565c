// Validates the scenario as the trainer types (debounced), through the same check the Validate button runs, and
// lists each problem with its line and field; choosing a line moves the caret there. Without this script the
// Validate button posts the form and the server lists the same problems.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form || !window.fetch) { return; }
  var text = document.getElementById("scenario-text");
  var list = document.getElementById("problems");
  var summary = document.getElementById("problems-summary");
  var url = form.getAttribute("data-validate");
  var token = form.querySelector('input[name="csrf_token"]');
  var timer = null;
  var asked = 0;

  function jumpTo(line) {
    var lines = text.value.split("\n");
    var offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i += 1) { offset += lines[i].length + 1; }
    var end = offset + (lines[line - 1] || "").length;
    text.focus();
    text.setSelectionRange(offset, end);
    var height = text.scrollHeight / Math.max(lines.length, 1);
    text.scrollTop = Math.max(0, (line - 4) * height);
  }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function show(result) {
    list.textContent = "";
    result.issues.forEach(function (issue) {
      var item = document.createElement("li");
      item.className = "problem " + issue.severity;
      var kind = document.createElement("strong");
      kind.textContent = issue.severity === "error" ? "Error" : "Warning";
      item.appendChild(kind);
      if (issue.line) {
        item.appendChild(document.createTextNode(" · "));
        var jump = document.createElement("button");
        jump.type = "button";
        jump.className = "link jump";
        jump.setAttribute("data-line", String(issue.line));
        jump.textContent = "line " + issue.line;
        item.appendChild(jump);
      }
      if (issue.path) {
        item.appendChild(document.createTextNode(" · "));
        var path = document.createElement("span");
        path.className = "path";
        issue.path.split(".").forEach(function (part, index) {  // a long path may wrap after any dot
          if (index) { path.appendChild(document.createTextNode(".")); path.appendChild(document.createElement("wbr")); }
          path.appendChild(document.createTextNode(part));
        });
        item.appendChild(path);
      }
      var message = document.createElement("p");
      message.className = "no-margin";
      message.textContent = issue.message;
      item.appendChild(message);
      list.appendChild(item);
    });
    summary.textContent = result.issues.length
      ? plural(result.errors, "error") + ", " + plural(result.warnings, "warning")
      : "No problems found.";
  }

  function validate() {
    var mine = ++asked;
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (token) { headers["X-CSRF-Token"] = token.value; }
    fetch(url, { method: "POST", headers: headers, body: JSON.stringify({ yaml: text.value }), credentials: "same-origin" })
      .then(function (response) { return response.json().then(function (data) { return { ok: response.ok, data: data }; }); })
      .then(function (result) {
        if (mine !== asked) { return; }
        if (result.ok) { show(result.data); }
        else { summary.textContent = (result.data.error && result.data.error.message) || "Could not check the scenario."; }
      })
      .catch(function () { if (mine === asked) { summary.textContent = "Could not reach the server to check the scenario."; } });
  }

  text.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(validate, 400);
  });
  list.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button.jump") : null;
    if (target) { jumpTo(parseInt(target.getAttribute("data-line"), 10)); }
  });
  if (text.value && !list.children.length && summary.textContent === "Not checked yet.") { validate(); }
}());
