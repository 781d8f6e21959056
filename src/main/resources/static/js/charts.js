// Draws each <canvas data-chart="{...}"> with Chart.js. The numbers are also in a table beside each chart, so a page
// without JavaScript (or without this file) loses nothing but the picture.
(function () {
    'use strict';
    var colours = ['#0f4c5c', '#e36414', '#1a7f4b', '#6f42c1', '#b02a37', '#8a94a3'];
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

    function draw(canvas) {
        var data = JSON.parse(canvas.getAttribute('data-chart'));
        var counts = data.unit !== '%' && data.unit !== 'hours';
        var axis = {beginAtZero: true, stacked: data.stacked, ticks: counts ? {precision: 0} : {},
            title: {display: true, text: data.axis}};
        new window.Chart(canvas, {
            type: data.type,
            data: {
                labels: data.labels,
                datasets: data.series.map(function (series, i) {
                    var colour = colours[i % colours.length];
                    return {label: series.label, data: series.values, backgroundColor: colour, borderColor: colour,
                        borderWidth: data.type === 'line' ? 2 : 0, tension: 0, spanGaps: true, pointRadius: 3, maxBarThickness: 48};
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: still ? false : {duration: 300},
                scales: {x: {stacked: data.stacked}, y: axis},
                plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}}
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (!window.Chart) {
            return;
        }
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
    });
})();
