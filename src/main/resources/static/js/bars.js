// Draws a page's revenue-beside-spend bar chart (data-chart, written by the page; no request of its
// own): the campaigns page's best campaigns with their spend in the period, the funds page's funded
// activities with what was paid for them, a distributor's resellers with their open pipeline. The
// best is on top.
(function () {
  'use strict';
  var element = document.getElementById('chart-campaigns') || document.getElementById('chart-funds')
      || document.getElementById('chart-resellers');
  if (!element || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var rtl = document.documentElement.dir === 'rtl';
  var locale = document.documentElement.lang || 'en';

  function money(value) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: data.currency, maximumFractionDigits: 0 }).format(value);
    } catch (e) { return String(value); }
  }

  // the best campaign on top: a horizontal bar chart lists its categories from the bottom
  var names = data.names.slice().reverse();
  var revenue = data.revenue.map(Number).reverse();
  var spend = data.spend.map(Number).reverse();
  var chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
    legend: { data: data.series, top: 0 },
    grid: { left: rtl ? 40 : 8, right: rtl ? 8 : 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, inverse: rtl, axisLabel: { formatter: money } },
    yAxis: { type: 'category', data: names, position: rtl ? 'right' : 'left',
             axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      { name: data.series[0], type: 'bar', data: revenue, itemStyle: { color: '#2f7d4f' } },
      { name: data.series[1], type: 'bar', data: spend, itemStyle: { color: '#c0843a' } }
    ]
  });
  element.setAttribute('data-ready', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
}());
