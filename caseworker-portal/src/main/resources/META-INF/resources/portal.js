// Clinic Flow portal: the little JavaScript it has. Everything works without it; this only
// makes the applicant search live, asks before destructive actions, prints the day sheet and
// puts the focus back on the row just acted on.
(function () {
  'use strict';
  document.querySelectorAll('[data-autosubmit]').forEach(function (el) {
    el.addEventListener('change', function () { el.form.submit(); });
  });
  document.querySelectorAll('[data-current-path]').forEach(function (el) {
    el.value = window.location.pathname + window.location.search;
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
  // Back from checking someone in: focus their row, so Tab carries on from there.
  if (window.location.hash.indexOf('#row-') === 0) {
    var row = document.getElementById(window.location.hash.substring(1));
    if (row) { row.focus(); }
  }
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
  // Search as you type: the server renders the rows; a newer keystroke cancels an older request.
  document.querySelectorAll('form[data-live-search]').forEach(function (form) {
    var target = document.querySelector(form.getAttribute('data-target'));
    var timer = null, controller = null;
    function refresh() {
      var query = new URLSearchParams(new FormData(form)).toString();
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(form.getAttribute('data-live-search') + '?' + query, { credentials: 'same-origin', signal: controller.signal })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) { target.innerHTML = html; history.replaceState(null, '', '?' + query); })
        .catch(function () { /* aborted or offline: the submit button still works */ });
    }
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
    form.addEventListener('change', function () { clearTimeout(timer); timer = setTimeout(refresh, 50); });
  });
})();
