// Draws the dashboard's charts from /dashboard/series (same period and filters as the page).
(function () {
  'use strict';
  var section = document.getElementById('charts');
  if (!section || typeof echarts === 'undefined') { return; }
  var rtl = document.documentElement.dir === 'rtl';
  var locale = document.documentElement.lang || 'en';
  var charts = [];

  function money(value, currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: currency, maximumFractionDigits: 0 }).format(value);
    } catch (e) { return String(value); }
  }

  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) { return; } // a chart its reader took off the dashboard
    element.textContent = '';
    var instance = echarts.init(element);
    instance.setOption(option);
    charts.push(instance);
  }

  function numbers(list) {
    return list.map(function (v) { return v === null ? null : Number(v); });
  }

  fetch(section.getAttribute('data-series'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    })
    .then(function (data) {
      var cur = data.currency;
      var axisMoney = { type: 'value', minInterval: 1, axisLabel: { formatter: function (v) { return money(v, cur); } }, position: rtl ? 'right' : 'left' };
      chart('chart-revenue', {
        tooltip: { trigger: 'axis' },
        legend: { data: [data.labels.revenue, data.labels.deals], right: rtl ? 0 : 'auto' },
        grid: { containLabel: true, left: 8, right: 8 },
        xAxis: { type: 'category', data: data.months, inverse: rtl },
        yAxis: [axisMoney, { type: 'value', position: rtl ? 'left' : 'right' }],
        series: [
          { name: data.labels.revenue, type: 'bar', data: numbers(data.revenue), itemStyle: { color: '#0b69a3' } },
          { name: data.labels.deals, type: 'line', yAxisIndex: 1, data: data.deals, itemStyle: { color: '#e67e22' } }
        ]
      });
      chart('chart-funnel', {
        tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + money(p.value, cur); } },
        series: [{
          type: 'funnel', sort: 'none', left: '5%', width: '90%', top: 10, bottom: 10, gap: 3, minSize: '45%',
          label: { position: 'inside', color: '#fff', fontWeight: 600, formatter: function (p) { return p.name + ': ' + money(p.value, cur); } },
          // a stage holding nothing keeps the funnel's least width, so that its name can be read: grey, to show it is empty
          data: data.stages.map(function (name, i) {
            var value = Number(data.stageAmounts[i]);
            return value > 0 ? { name: name, value: value }
              : { name: name, value: value, itemStyle: { color: '#d9e2ec' }, label: { color: '#52606d' } };
          })
        }]
      });
      chart('chart-channels', {
        tooltip: { trigger: 'axis' },
        legend: { data: [data.labels.spend, data.labels.revenue] },
        grid: { containLabel: true, left: 8, right: 8 },
        xAxis: { type: 'category', data: data.channelTypes, inverse: rtl },
        yAxis: axisMoney,
        series: [
          { name: data.labels.spend, type: 'bar', data: numbers(data.spend), itemStyle: { color: '#b42318' } },
          { name: data.labels.revenue, type: 'bar', data: numbers(data.channelRevenue), itemStyle: { color: '#1b7f3b' } }
        ]
      });
      chart('chart-seasonality', {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : (v * 100).toFixed(1) + '%'; } },
        grid: { containLabel: true, left: 8, right: 8 },
        xAxis: { type: 'category', data: data.monthsOfYear, inverse: rtl },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: function (v) { return Math.round(v * 100) + '%'; } } },
        // twelve months of the year are twelve separate cohorts: bars, not a smoothed line that invents the months between
        series: [{ name: data.labels.closeRate, type: 'bar', data: numbers(data.closeRates), itemStyle: { color: '#0b69a3' } }]
      });
      chart('chart-velocity', {
        tooltip: { trigger: 'axis' },
        legend: { data: [data.labels.velocity, data.labels.cycle] },
        grid: { containLabel: true, left: 8, right: 8 },
        xAxis: { type: 'category', data: data.months, inverse: rtl },
        yAxis: [axisMoney, { type: 'value', position: rtl ? 'left' : 'right' }],
        series: [
          { name: data.labels.velocity, type: 'line', data: numbers(data.velocity), itemStyle: { color: '#0b69a3' } },
          { name: data.labels.cycle, type: 'bar', yAxisIndex: 1, data: numbers(data.cycleDays), itemStyle: { color: '#9fb3c8' } }
        ]
      });
      chart('chart-location', {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? '—' : (v * 100).toFixed(1) + '%'; } },
        grid: { containLabel: true, left: 8, right: 8 },
        xAxis: { type: 'category', data: data.regions, inverse: rtl, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: function (v) { return (v * 100) + '%'; } } },
        series: [{ name: data.labels.closeRate, type: 'bar', data: numbers(data.regionCloseRates), itemStyle: { color: '#7b61ff' } }]
      });
      section.setAttribute('data-ready', 'true');
    })
    .catch(function (error) {
      section.querySelectorAll('.loading').forEach(function (p) { p.textContent = '—'; });
      section.setAttribute('data-error', String(error));
    });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
}());
