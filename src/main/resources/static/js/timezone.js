// The server shows dates in the viewer's zone: an account's own (a source's profile), else the browser's, which it
// learns from this cookie. Every page works without it (dates are then in UTC, and say so).
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
            document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax'
                + (location.protocol === 'https:' ? '; Secure' : '');
        }
    } catch (ignored) {
        // An old browser: dates stay in UTC.
    }
})();

// The time zone picker (fragments/zones.html) gets a filter box: type a city, a country or an offset ("+05:30") and
// the list keeps the zones that match; the first match is chosen. Down arrow or Enter moves on to the list.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-zone-picker]').forEach(function (select) {
        var groups = Array.prototype.map.call(select.querySelectorAll('optgroup'), function (group) {
            return { label: group.label, options: Array.prototype.slice.call(group.querySelectorAll('option')) };
        });
        var loose = Array.prototype.filter.call(select.children, function (child) { return child.tagName === 'OPTION'; });
        var filter = document.createElement('input');
        filter.type = 'search';
        filter.className = 'form-control form-control-sm mb-1 zone-filter';
        filter.placeholder = 'Filter: city, country or offset';
        filter.setAttribute('aria-label', 'Filter the time zones');
        filter.setAttribute('aria-controls', select.id);
        filter.autocomplete = 'off';
        var status = document.createElement('div');
        status.className = 'form-text zone-filter-status';
        status.setAttribute('aria-live', 'polite');
        select.parentNode.insertBefore(filter, select);
        select.parentNode.insertBefore(status, select.nextSibling);

        function matches(option, words) {
            var text = (option.text + ' ' + option.value.replace(/_/g, ' ')).toLowerCase();
            return words.every(function (word) { return text.indexOf(word) >= 0; });
        }

        filter.addEventListener('input', function () {
            var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
            var chosen = select.value;
            var shown = [];
            var kept = groups.map(function (group) {
                var options = group.options.filter(function (option) { return matches(option, words); });
                shown = shown.concat(options);
                return { label: group.label, options: options };
            });
            if (shown.length === 0) {
                status.textContent = 'No time zone matches "' + filter.value + '".';
                return;
            }
            select.textContent = '';
            loose.forEach(function (option) { select.appendChild(option); });
            kept.forEach(function (group) {
                if (group.options.length) {
                    var element = document.createElement('optgroup');
                    element.label = group.label;
                    group.options.forEach(function (option) { element.appendChild(option); });
                    select.appendChild(element);
                }
            });
            var stillShown = shown.some(function (option) { return option.value === chosen; });
            select.value = stillShown ? chosen : shown[0].value;
            status.textContent = words.length ? shown.length + (shown.length === 1 ? ' zone matches.' : ' zones match.') : '';
            if (!stillShown) {
                select.dispatchEvent(new Event('change', { bubbles: true }));
            }
        });
        filter.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' || event.key === 'ArrowDown') {
                event.preventDefault();
                select.focus();
            }
        });
    });
});
