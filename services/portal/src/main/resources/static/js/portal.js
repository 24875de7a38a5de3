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
})();
