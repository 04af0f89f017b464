// The custom dates of a period form only matter for the custom period: shown for it, hidden for the others.
(function () {
  'use strict';
  var period = document.getElementById('period');
  if (!period) { return; }
  var toggle = function () {
    document.querySelectorAll('form.selection .custom').forEach(function (label) { label.hidden = period.value !== 'custom'; });
  };
  period.addEventListener('change', toggle);
  toggle();
}());
