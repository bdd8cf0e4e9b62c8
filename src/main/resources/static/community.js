// Upvotes without a page load: each upvote form (see upvote.jte) is sent with fetch, with the CSRF
// token from <meta name="csrf-token"> in a header, asking for JSON ({"upvoted":true,"upvotes":N});
// the button and count change in place. Without this script the form posts and comes back to the
// same page. A static file: the content security policy allows scripts from this origin only.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta || !window.fetch) return;
  var token = meta.getAttribute("content");

  function show(form, state) {
    var button = form.querySelector("button.vote");
    var count = form.querySelector(".votes-count");
    var wanted = form.querySelector('input[name="upvoted"]');
    count.textContent = String(state.upvotes);
    button.classList.toggle("voted", state.upvoted);
    button.setAttribute("aria-pressed", state.upvoted ? "true" : "false");
    button.setAttribute("title", state.upvoted ? "Take back your upvote" : "Upvote");
    button.setAttribute("aria-label", "Upvote (" + state.upvotes + (state.upvotes === 1 ? " upvote)" : " upvotes)"));
    wanted.value = state.upvoted ? "false" : "true";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("vote-form")) return;
    event.preventDefault();
    var button = form.querySelector("button.vote");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": token },
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (state) {
      show(form, state);
    }).catch(function () {
      form.submit(); // let the server answer as it does without a script
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
