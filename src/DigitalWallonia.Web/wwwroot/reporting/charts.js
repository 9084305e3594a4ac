// Draws every chart of a reporting page with Apache ECharts (wwwroot/lib/echarts, from npm): the data, the ARIA description
// and the number format come from the page (Reporting/Chart.cs), which also prints the same data as a table.
(function () {
  'use strict';

  function draw(element) {
    var spec = JSON.parse(document.getElementById(element.getAttribute('data-dw-chart')).textContent);
    var numbers = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 2 });
    var format = function (value) {
      if (value === null || value === undefined) { return '—'; }
      return numbers.format(value) + (spec.unit === '%' ? (spec.locale === 'en' ? '%' : '\u00a0%') : '');
    };
    // Each category's label wraps within its own slot, so long theme names never run into each other.
    var slot = Math.max(40, Math.floor((element.clientWidth - 72) / Math.max(1, spec.categories.length)) - 6);
    var categoryAxis = { type: 'category', data: spec.categories, axisLabel: { color: '#0b0c0c', interval: 0, width: slot, overflow: 'break', fontSize: 11 } };
    var valueAxis = { type: 'value', axisLabel: { color: '#0b0c0c', formatter: format }, max: spec.unit === '%' ? 100 : null, minInterval: spec.stacked ? 1 : null };
    var line = spec.type === 'line';
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { enabled: true, description: spec.description }, decal: { show: spec.series.length > 1 } },
      textStyle: { color: '#0b0c0c', fontFamily: 'system-ui, sans-serif' },
      tooltip: { trigger: 'axis', valueFormatter: format },
      legend: spec.series.length > 1 ? { bottom: 0, textStyle: { color: '#0b0c0c' } } : { show: false },
      grid: { left: 8, right: 16, top: 16, bottom: spec.series.length > 1 ? 56 : 8, containLabel: true },
      xAxis: line || !spec.horizontal ? categoryAxis : valueAxis,
      yAxis: line || !spec.horizontal ? valueAxis : categoryAxis,
      series: spec.series.map(function (series) {
        return {
          name: series.name,
          type: line ? 'line' : 'bar',
          stack: spec.stacked ? 'total' : undefined,
          data: series.values,
          connectNulls: true,
          symbolSize: 8,
          itemStyle: { color: series.color },
          lineStyle: { color: series.color, width: 3 },
          label: { show: !spec.stacked && !line, position: 'top', color: '#0b0c0c', formatter: function (p) { return format(p.value); } }
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll() {
    if (!window.echarts) { return; } // the tables beside the charts carry the same data
    document.querySelectorAll('[data-dw-chart]').forEach(draw);
    document.body.setAttribute('data-charts', 'drawn');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
