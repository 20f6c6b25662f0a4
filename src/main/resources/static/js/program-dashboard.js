/*
 * Compliance dashboard charts (/program/dashboard).
 *
 * Each <canvas data-chart="line|bar" data-source="table-id"> is drawn with Chart.js from the rows of the table it
 * names: every <tr data-label data-value> is one point. The tables are the page's content; the charts only show them,
 * so the page reads the same without JavaScript, and no data or script is inline (the CSP forbids both).
 */
(function () {
  'use strict';

  if (typeof Chart === 'undefined') {
    return;
  }
  var BRAND = '#0b4f8a';

  function rows(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-source'));
    if (!table) {
      return [];
    }
    return Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-label]'));
  }

  function value(row) {
    var text = row.getAttribute('data-value');
    return text === null || text === '' ? null : Number(text);
  }

  function draw(canvas) {
    var points = rows(canvas);
    var kind = canvas.getAttribute('data-chart') === 'bar' ? 'bar' : 'line';
    var percent = canvas.getAttribute('data-unit') === 'percent';
    var scale = { beginAtZero: true };
    if (percent) {
      scale.max = 100;
    }
    new Chart(canvas, {
      type: kind,
      data: {
        labels: points.map(function (row) { return row.getAttribute('data-label'); }),
        datasets: [{
          label: canvas.getAttribute('aria-label'),
          data: points.map(value),
          borderColor: BRAND,
          backgroundColor: kind === 'bar' ? 'rgba(11, 79, 138, 0.7)' : 'rgba(11, 79, 138, 0.15)',
          spanGaps: true,
          pointRadius: points.length > 30 ? 0 : 3
        }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: scale }
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
