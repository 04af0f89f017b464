// Draws a partner's last twelve months (data-chart, written by the page): won revenue as bars and the
// win rate as a line on its own axis; a month in which no deal closed has no win rate (a gap, not 0%).
(function () {
  'use strict';
  var element = document.getElementById('chart-history');
  if (!element || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var rtl = document.documentElement.dir === 'rtl';
  var locale = document.documentElement.lang || 'en';

  function money(value) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: data.currency, maximumFractionDigits: 0 }).format(value);
    } catch (e) { return String(value); }
  }

  function percent(value) {
    return value === null || value === undefined ? '—'
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }

  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: data.series, top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.months, inverse: rtl },
    yAxis: [
      { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left', axisLabel: { formatter: money } },
      { type: 'value', min: 0, max: 1, position: rtl ? 'left' : 'right', splitLine: { show: false },
        axisLabel: { formatter: percent } }
    ],
    series: [
      { name: data.series[0], type: 'bar', data: data.revenue.map(Number), itemStyle: { color: '#2f7d4f' },
        tooltip: { valueFormatter: money } },
      { name: data.series[1], type: 'line', yAxisIndex: 1, connectNulls: false, itemStyle: { color: '#0b69a3' },
        data: data.winRate.map(function (v) { return v === null ? null : Number(v); }), tooltip: { valueFormatter: percent } }
    ]
  });
  element.setAttribute('data-ready', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
}());
