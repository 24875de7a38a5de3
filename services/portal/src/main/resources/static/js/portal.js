// 亲清在线 portal: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // a refused form: move the keyboard and screen reader to the list of what to fix
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  });
  // an htmx request that finds the session gone (401): reload the page, which signs the user in again
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail && event.detail.xhr && event.detail.xhr.status === 401) {
      window.location.reload();
    }
  });
  // a form with files (data-upload): send it in the background to show how much is uploaded; the answer (the next
  // page, or the form again with its errors) then replaces this page as a normal submit would
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-upload") || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    var progress = form.querySelector(".upload-progress");
    var data = new FormData(form);
    var hasFiles = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) {
      return input.files && input.files.length > 0;
    });
    if (!hasFiles || !progress) {
      return;
    }
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    progress.hidden = false;
    progress.value = 0;
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
      button.disabled = true;
    });
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    xhr.addEventListener("load", function () {
      // the page the server answered with, at the address it came from (after a redirect: the appeal's page)
      var url = xhr.responseURL;
      document.open();
      document.write(xhr.responseText);
      document.close();
      if (url && window.history && window.history.replaceState) {
        window.history.replaceState(null, "", url);
      }
    });
    xhr.addEventListener("error", function () {
      // the network failed: fall back to the browser's own submit, which says so in its own way
      progress.hidden = true;
      form.removeAttribute("data-upload");
      form.submit();
    });
    xhr.send(data);
  });
})();
