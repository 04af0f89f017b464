// Sends the page's CSRF token with every htmx request (the forms carry it too, as a hidden field).
document.addEventListener('htmx:configRequest', function (event) {
  'use strict';
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
