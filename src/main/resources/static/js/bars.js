// Draws a page's bar charts from the data the page wrote (data-chart; no request of their own):
// - revenue beside spend, the best on top: the campaigns page's best campaigns with their spend in
//   the period, the funds page's funded activities with what was paid for them, a distributor's
//   resellers with their open pipeline;
// - a partner's last twelve months: won revenue as bars and the win rate as a line on its own axis
//   (a month in which no deal closed has no win rate: a gap, not 0%).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }
  var rtl = document.documentElement.dir === 'rtl';
  var locale = document.documentElement.lang || 'en';

  function money(value, currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: currency, maximumFractionDigits: 0 }).format(value);
    } catch (e) { return String(value); }
  }

  function percent(value) {
    return value === null || value === undefined ? '—'
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }

  function draw(element, option) {
    var chart = echarts.init(element);
    chart.setOption(option);
    element.setAttribute('data-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var compared = document.getElementById('chart-campaigns') || document.getElementById('chart-funds')
      || document.getElementById('chart-resellers');
  if (compared) {
    var data = JSON.parse(compared.getAttribute('data-chart'));
    var inMoney = function (value) { return money(value, data.currency); };
    // the best on top: a horizontal bar chart lists its categories from the bottom
    draw(compared, {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: inMoney },
      legend: { data: data.series, top: 0 },
      grid: { left: rtl ? 40 : 8, right: rtl ? 8 : 40, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, inverse: rtl, axisLabel: { formatter: inMoney } },
      yAxis: { type: 'category', data: data.names.slice().reverse(), position: rtl ? 'right' : 'left',
               axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        { name: data.series[0], type: 'bar', data: data.revenue.map(Number).reverse(), itemStyle: { color: '#2f7d4f' } },
        { name: data.series[1], type: 'bar', data: data.spend.map(Number).reverse(), itemStyle: { color: '#c0843a' } }
      ]
    });
  }

  var history = document.getElementById('chart-history');
  if (history) {
    var months = JSON.parse(history.getAttribute('data-chart'));
    var monthMoney = function (value) { return money(value, months.currency); };
    draw(history, {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: months.series, top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.months, inverse: rtl },
      yAxis: [
        { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left', axisLabel: { formatter: monthMoney } },
        { type: 'value', min: 0, max: 1, position: rtl ? 'left' : 'right', splitLine: { show: false }, axisLabel: { formatter: percent } }
      ],
      series: [
        { name: months.series[0], type: 'bar', data: months.revenue.map(Number), itemStyle: { color: '#2f7d4f' },
          tooltip: { valueFormatter: monthMoney } },
        { name: months.series[1], type: 'line', yAxisIndex: 1, connectNulls: false, itemStyle: { color: '#0b69a3' },
          data: months.winRate.map(function (v) { return v === null ? null : Number(v); }), tooltip: { valueFormatter: percent } }
      ]
    });
  }
}());
