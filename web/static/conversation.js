// Sends a reply without reloading the page; without this script the form posts and the page reloads.
// Enter sends, Shift+Enter starts a new line. New lines go into the role="log" region, so screen readers read
// the customer's answer out. Text is only ever set with textContent: nothing the learner or customer wrote is
// parsed as HTML.
(function () {
  "use strict";
  var form = document.getElementById("reply");
  if (!form || !window.fetch) { return; }
  var box = document.getElementById("reply-text");
  var log = document.getElementById("messages");
  var status = document.getElementById("reply-status");
  var button = form.querySelector("button[type=submit]");
  var busy = false;

  function say(kind, who, text) {
    var line = document.createElement("p");
    line.className = "message " + kind;
    if (who) {
      var name = document.createElement("span");
      name.className = "who";
      name.textContent = who;
      line.appendChild(name);
    }
    line.appendChild(document.createTextNode(text));
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  }

  function setMood(mood) {
    if (!mood) { return; }
    ["anger", "patience"].forEach(function (name) {
      var meter = document.getElementById(name);
      var value = document.getElementById(name + "-value");
      if (meter) { meter.value = mood[name]; meter.textContent = mood[name] + " of 100"; }
      if (value) { value.textContent = String(mood[name]); }
    });
  }

  function setStages(stages) {
    var list = document.getElementById("stages");
    if (!list || !stages || !stages.length) { return; }
    stages.forEach(function (step) {
      var item = list.querySelector('[data-stage="' + step.id + '"]');
      if (!item) { return; }
      item.className = step.status;
      if (step.status === "current") {
        item.setAttribute("aria-current", "step");
        var goal = document.getElementById("stage-goal");
        if (goal) { goal.textContent = step.goal; }
      } else {
        item.removeAttribute("aria-current");
      }
    });
  }

  function finish(data) {
    var goal = document.getElementById("stage-goal");
    if (goal) { goal.textContent = ""; }
    say("ending", "", "Conversation ended: " + (data.outcome_label || data.outcome));
    var done = document.createElement("div");
    done.className = "reply";
    var link = document.createElement("a");
    link.className = "button";
    link.href = data.debrief || form.getAttribute("data-debrief");
    link.textContent = "Read your debrief";
    done.appendChild(link);
    form.replaceWith(done);
    link.focus();
  }

  function send() {
    if (busy) { return; }
    var text = box.value;
    if (!text.trim()) { status.textContent = "Type what you would say to the customer first."; box.focus(); return; }
    busy = true;
    button.disabled = true;
    status.textContent = "Sending…";
    var body = new URLSearchParams(new FormData(form));
    var token = form.querySelector('input[name="csrf_token"]');
    var headers = { "Accept": "application/json" };
    if (token) { headers["X-CSRF-Token"] = token.value; }
    fetch(form.action, { method: "POST", body: body, headers: headers, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        if (!result.ok) {
          var error = result.data && result.data.error;
          status.textContent = error ? error.message : "Your reply was not sent. Try again.";
          return;
        }
        var data = result.data;
        say("agent", "You", text);
        say("customer", data.customer.name, data.customer.text);
        box.value = "";
        status.textContent = "";
        form.querySelector('input[name="turn"]').value = String(data.turn + 1);
        setMood(data.mood);
        setStages(data.stages);
        if (data.outcome) { finish(data); } else { box.focus(); }
      })
      .catch(function () { status.textContent = "Your reply could not be sent. Check your connection and try again."; })
      .then(function () { busy = false; button.disabled = false; });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); send(); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); send(); }
  });
  log.scrollTop = log.scrollHeight;
}());
