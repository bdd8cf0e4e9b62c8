// Paperboy's page scripts, served from /static so that the content security policy allows scripts
// from this origin only (script-src 'self', no inline scripts or on* attributes). Each part looks
// for its elements and does nothing on pages without them; pages work without JavaScript.

// The paper page's BibTeX Copy button: shown only where the clipboard API is there to use.
(function () {
  var button = document.getElementById("copy-bibtex");
  var code = document.getElementById("bibtex");
  if (!button || !code || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(code.textContent).then(function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    }, function () {
      window.getSelection().selectAllChildren(code);
      button.textContent = "Press Ctrl+C";
    });
  });
})();
