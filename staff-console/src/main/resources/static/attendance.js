// Attendance on a tablet: each line is sent on its own as soon as it is tapped. When the connection
// drops, the line is kept on the tablet (localStorage, so a reload or a closed tab loses nothing),
// the page says so, and everything kept is sent again when the connection is back.
// Without this script the forms still work as plain form posts.
(function () {
  "use strict";
  var list = document.getElementById("attendance");
  var banner = document.getElementById("connection");
  if (!list || !banner) { return; }
  var KEY = "aula.attendance.pending";
  var msg = function (name, value) { return (list.dataset[name] || "").replace("{0}", value); };

  function pending() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; }
  }
  function keep(all) { localStorage.setItem(KEY, JSON.stringify(all)); }
  function stateOf(action) {
    var id = action.substring(action.lastIndexOf("/") + 1);
    return document.getElementById("state-" + id);
  }
  function show() {
    var count = Object.keys(pending()).length;
    if (count === 0) {
      banner.textContent = msg("msgAllsaved", "");
      banner.classList.remove("offline");
    } else {
      banner.textContent = msg("msgOffline", count);
      banner.classList.add("offline");
    }
  }
  function mark(action, text, cls) {
    var state = stateOf(action);
    if (!state) { return; }
    state.textContent = text;
    state.classList.remove("saved", "queued");
    if (cls) { state.classList.add(cls); }
  }
  function csrf() {
    var meta = document.querySelector('meta[name="_csrf"]');
    return meta ? meta.content : "";
  }
  function send(action, hours) {
    var body = new URLSearchParams();
    body.set("hours", hours);
    body.set("_csrf", csrf());
    return fetch(action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-TOKEN": csrf() }
    }).then(function (response) {
      var all = pending();
      delete all[action];
      keep(all);
      if (response.ok) {
        return response.json().then(function (saved) { mark(action, msg("msgSaved", saved.hours), "saved"); });
      }
      mark(action, msg("msgRefused", "HTTP " + response.status), null);
    }, function () {
      var all = pending();
      all[action] = hours;
      keep(all);
      mark(action, msg("msgQueued", hours), "queued");
    }).then(show);
  }
  function flush() {
    var all = pending();
    Object.keys(all).forEach(function (action) { send(action, all[action]); });
  }
  list.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-attendance")) { return; }
    event.preventDefault();
    var hours = form.querySelector('[name="hours"]').value;
    var all = pending();
    all[form.action] = hours;
    keep(all);
    mark(form.action, msg("msgQueued", hours), "queued");
    send(form.action, hours);
  });
  window.addEventListener("online", flush);
  setInterval(function () { if (Object.keys(pending()).length > 0) { flush(); } }, 5000);
  Object.keys(pending()).forEach(function (action) { mark(action, msg("msgQueued", pending()[action]), "queued"); });
  show();
  flush();
})();
