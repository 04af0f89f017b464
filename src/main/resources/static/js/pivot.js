// Draws the pivot page's chart (data-chart, written by the page): the largest rows across the
// columns, stacked bars when the KPI adds up (revenue, deals, pipeline), lines when it is a rate or
// an average (which do not add up).
(function () {
  'use strict';
  var element = document.getElementById('chart-pivot');
  if (!element || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var rtl = document.documentElement.dir === 'rtl';
  var locale = document.documentElement.lang || 'en';

  function format(value) {
    if (value === null || value === undefined) { return '—'; }
    try {
      if (data.kind === 'money') {
        return new Intl.NumberFormat(locale, { style: 'currency', currency: data.currency, maximumFractionDigits: 0 }).format(value);
      }
      if (data.kind === 'percent') {
        return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
      }
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    } catch (e) { return String(value); }
  }

  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.labels, inverse: rtl },
    yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: format } },
    series: data.series.map(function (s) {
      return { name: s.name, type: data.stacked ? 'bar' : 'line', stack: data.stacked ? 'all' : undefined,
               connectNulls: false, data: s.data.map(function (v) { return v === null ? null : Number(v); }) };
    })
  });
  element.setAttribute('data-ready', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
}());
