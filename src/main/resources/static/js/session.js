/*
 * Automatic logoff warning (45 CFR 164.312(a)(2)(iii)).
 *
 * The server ends a session after a period without requests. This script counts down the same period, using the
 * remaining seconds the server rendered into #session-warning (so the browser's clock does not need to agree with
 * the server's). One minute before the end it shows an alert with a "Stay signed in" button; the button calls
 * GET /api/session, which counts as activity. When the time is up it opens /login?expired.
 *
 * Every request made through htmx counts as activity too, and page loads in other tabs are shared through
 * localStorage, so a user active in another tab is not warned here.
 */
(function () {
  'use strict';

  var panel = document.getElementById('session-warning');
  if (!panel) {
    return;
  }
  var text = document.getElementById('session-warning-text');
  var stay = document.getElementById('session-stay');
  var WARNING_MS = 60 * 1000;
  var STORAGE_KEY = 'safeguard.lastActivity';
  var windowMs = seconds('data-idle-seconds') * 1000;
  var absoluteDeadline = Date.now() + seconds('data-absolute-seconds') * 1000;
  var lastActivity = 0;
  var warned = null;
  var focusBefore = null;
  var ended = false;
  var storage = true;

  function seconds(attribute) {
    var value = parseInt(panel.getAttribute(attribute), 10);
    return isNaN(value) || value < 0 ? 0 : value;
  }

  function markActivity() {
    lastActivity = Date.now();
    try {
      window.localStorage.setItem(STORAGE_KEY, String(lastActivity));
    } catch (e) {
      storage = false; // Storage can be disabled; this tab then counts its own activity only.
    }
    hide();
  }

  function sharedActivity() {
    var shared = 0;
    if (storage) {
      try {
        shared = parseInt(window.localStorage.getItem(STORAGE_KEY), 10) || 0;
      } catch (e) {
        storage = false;
      }
    }
    return Math.min(Date.now(), Math.max(lastActivity, shared));
  }

  function clockTime(epochMillis) {
    return new Date(epochMillis).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  }

  function show(kind, deadline) {
    if (warned === kind) {
      return;
    }
    warned = kind;
    panel.hidden = false;
    stay.hidden = kind !== 'idle';
    text.textContent = kind === 'idle'
      ? 'You will be signed out at ' + clockTime(deadline) + ' because of inactivity. '
        + 'Select "Stay signed in" to continue.'
      : 'Your session reaches its time limit at ' + clockTime(deadline) + '. '
        + 'Save your work; you will need to sign in again.';
    if (kind === 'idle') {
      focusBefore = document.activeElement;
      stay.focus();
    }
  }

  function hide() {
    if (warned === null) {
      return;
    }
    warned = null;
    panel.hidden = true;
    text.textContent = '';
    if (focusBefore && typeof focusBefore.focus === 'function' && document.activeElement === stay) {
      focusBefore.focus();
    }
    focusBefore = null;
  }

  function end() {
    ended = true;
    window.location.assign('/login?expired');
  }

  function tick() {
    if (ended) {
      return;
    }
    var idleDeadline = sharedActivity() + windowMs;
    var deadline = Math.min(idleDeadline, absoluteDeadline);
    var left = deadline - Date.now();
    if (left <= 0) {
      end();
    } else if (left <= WARNING_MS) {
      show(absoluteDeadline <= idleDeadline ? 'absolute' : 'idle', deadline);
    } else {
      hide();
    }
  }

  function answered(status) {
    if (status >= 200 && status < 300) {
      markActivity();
    } else if (status === 401) {
      end();
    }
  }

  document.addEventListener('htmx:afterRequest', function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (xhr) {
      answered(xhr.status);
    }
  });

  stay.addEventListener('click', function () {
    if (window.htmx) {
      return; // htmx sends the request (hx-get) and reports it through htmx:afterRequest.
    }
    window.fetch('/api/session', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        answered(response.status);
      });
  });

  markActivity();
  tick();
  window.setInterval(tick, 1000);
}());
