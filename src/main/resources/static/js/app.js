// Small progressive enhancements; every page works without them.

document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

document.addEventListener('click', function (event) {
    var toggle = event.target.closest('[data-toggle-target]');
    if (!toggle) {
        return;
    }
    var target = document.querySelector(toggle.getAttribute('data-toggle-target'));
    var open = target.classList.toggle('show');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});

// Destructive actions ask first: <form data-confirm="Really?">.
document.addEventListener('submit', function (event) {
    var form = event.target.closest('form[data-confirm]');
    if (form && !form.matches('[hx-post],[hx-get]') && !window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
    }
});

// Live character count for fields with a limit: <textarea data-count-limit="600"> and <span data-counter-for="id">.
document.addEventListener('input', function (event) {
    var field = event.target;
    if (!field.hasAttribute || !field.hasAttribute('data-count-limit')) {
        return;
    }
    var counter = document.querySelector('[data-counter-for="' + field.id + '"]');
    if (counter) {
        counter.textContent = field.value.length + ' of ' + field.getAttribute('data-count-limit') + ' characters';
    }
});

// A file above the limit is refused before it is sent: <input type="file" data-max-bytes="5242880">.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.hasAttribute || !input.hasAttribute('data-max-bytes') || !input.files || !input.files.length) {
        return;
    }
    var limit = Number(input.getAttribute('data-max-bytes'));
    var message = input.parentNode.querySelector('[data-size-message]');
    var tooLarge = input.files[0].size > limit;
    if (message) {
        message.hidden = !tooLarge;
        message.textContent = tooLarge ? 'This file is larger than ' + Math.round(limit / 1048576) + ' MB. Choose a smaller photo.' : '';
    }
    input.classList.toggle('is-invalid', tooLarge);
    if (tooLarge) {
        input.value = '';
    }
});

// Live word counts on the pitch form: each answer's own and the total, against the limit.
function countWords(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
}
document.addEventListener('input', function (event) {
    var field = event.target;
    if (!field.hasAttribute || !field.hasAttribute('data-word-count')) {
        return;
    }
    var own = document.querySelector('[data-words-for="' + field.id + '"]');
    if (own) {
        own.textContent = countWords(field.value) + ' words';
    }
    var total = document.querySelector('[data-words-total]');
    if (total) {
        var sum = 0;
        field.form.querySelectorAll('[data-word-count], input[name="whyMe"]').forEach(function (each) {
            sum += countWords(each.value);
        });
        total.textContent = sum;
        total.classList.toggle('text-danger', sum > Number(total.getAttribute('data-limit')));
    }
});

// Busy state: a sent form's buttons are disabled (so a double click sends it once) and the pressed one shows a
// spinner until the answer arrives. htmx forms get it back when their request ends; pages restored from the
// back-forward cache get it back too.
function markBusy(form, pressed) {
    form.setAttribute('aria-busy', 'true');
    form.querySelectorAll('button[type="submit"], button:not([type])').forEach(function (button) {
        button.disabled = true;
        if (button === pressed || (!pressed && button === form.querySelector('button'))) {
            button.classList.add('is-busy');
        }
    });
}
function clearBusy(root) {
    root.querySelectorAll('[aria-busy="true"]').forEach(function (form) {
        form.removeAttribute('aria-busy');
        form.querySelectorAll('button.is-busy, button[disabled]').forEach(function (button) {
            button.disabled = false;
            button.classList.remove('is-busy');
        });
    });
}
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.matches('[hx-post],[hx-get]') || (form.method || '').toLowerCase() !== 'post') {
        return;
    }
    var pressed = event.submitter;
    // After this event, so the pressed button's name and value still go with the form.
    setTimeout(function () { markBusy(form, pressed); }, 0);
});
// Only what a person pressed: a form or a button (not, say, the pitch form's live checks as you type).
document.addEventListener('htmx:beforeRequest', function (event) {
    var elt = event.detail.elt;
    var form = elt.closest('form');
    if (!form || !elt.matches('form, button')) {
        return;
    }
    var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    markBusy(form, elt.matches('button') ? elt : (trigger && trigger.submitter) || null);
});
document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt.closest('form');
    if (form && form.isConnected) {
        clearBusy(form.parentNode || document);
    }
});
window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
        clearBusy(document);
    }
});

// htmx forms ask before destructive actions too: <form hx-post=... data-confirm="Really?">.
document.addEventListener('htmx:confirm', function (event) {
    var form = event.detail.elt.closest('form[data-confirm]');
    if (form) {
        event.preventDefault();
        if (window.confirm(form.getAttribute('data-confirm'))) {
            event.detail.issueRequest(true);
        }
    }
});

// The triage inbox: a dense list of pitches and a reading pane beside it (on a phone the list alone, each row a link
// to the pitch's page). Keys: j/k or arrows move and open the next pitch in the pane, s shortlists, d declines with
// the reason chosen in the pane, both then move on; x ticks a row, z undoes, u marks as used, r reports, o opens the
// full page.
(function () {
    var currentId = null;
    var toastTimer = null;

    function inbox() {
        return document.querySelector('[data-triage]');
    }
    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll('[data-pitch-row]'));
    }
    function paneShown() {
        var pane = document.getElementById('pane');
        return pane && pane.offsetParent !== null;
    }
    function currentRow() {
        return currentId ? document.getElementById('row-' + currentId) : null;
    }
    function mark() {
        rows().forEach(function (row) {
            var on = row.getAttribute('data-pitch-id') === currentId;
            row.classList.toggle('current', on);
            var link = row.querySelector('[data-row-link]');
            if (link) {
                if (on) {
                    link.setAttribute('aria-current', 'true');
                } else {
                    link.removeAttribute('aria-current');
                }
            }
        });
    }
    function choose(row, focus) {
        if (!row) {
            return;
        }
        currentId = row.getAttribute('data-pitch-id');
        mark();
        row.scrollIntoView({ block: 'nearest' });
        if (focus !== false) {
            row.querySelector('[data-row-link]').focus({ preventScroll: true });
        }
        if (paneShown() && window.htmx) {
            htmx.ajax('GET', row.getAttribute('data-pane-url'), { target: '#pane', swap: 'innerHTML' });
        }
    }
    function move(step) {
        var all = rows();
        var index = all.indexOf(currentRow());
        var next = index < 0 ? 0 : index + step;
        if (next >= all.length) {
            var more = document.querySelector('.triage a[rel="next"]');
            if (more) {
                window.location.href = more.href + '#triage';
            }
            return;
        }
        if (next >= 0) {
            choose(all[next]);
        }
    }
    function press(selector) {
        var button = document.querySelector('#pane ' + selector);
        if (button && !button.disabled) {
            // A key pressed the moment a pitch arrives must not beat htmx to its form (or the browser posts it itself).
            if (window.htmx && button.form) {
                htmx.process(button.form);
            }
            button.click();
            return true;
        }
        return false;
    }
    function openDetails(selector, field) {
        var details = document.querySelector('#pane ' + selector);
        if (details) {
            details.open = true;
            var input = details.querySelector(field);
            if (input) {
                input.focus();
            }
        }
    }
    function countTicked() {
        var label = document.querySelector('[data-selected-count]');
        if (label) {
            var n = document.querySelectorAll('[data-pitch-row] input[name="selected"]:checked').length;
            label.textContent = n ? n + ' ticked:' : 'Ticked (x):';
        }
    }

    document.addEventListener('click', function (event) {
        var step = event.target.closest('[data-move]');
        if (step && inbox()) {
            move(Number(step.getAttribute('data-move')));
            return;
        }
        var link = event.target.closest('[data-row-link]');
        if (link && inbox() && paneShown() && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
            event.preventDefault();
            choose(link.closest('[data-pitch-row]'));
        }
    });
    document.addEventListener('change', function (event) {
        if (event.target.matches && event.target.matches('[data-pitch-row] input[name="selected"]')) {
            countTicked();
        }
        if (event.target.matches && event.target.matches('[data-remember-reason]')) {
            try {
                sessionStorage.setItem('sw-decline-reason', event.target.value);
            } catch (ignored) {
                // Private mode: the reason is simply not remembered.
            }
        }
    });

    document.addEventListener('keydown', function (event) {
        if (!inbox() || !document.querySelector('[data-pitch-row]') || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        var target = event.target;
        var tag = (target.tagName || '').toLowerCase();
        if (tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable) {
            if (event.key === 'Escape') {
                target.blur();
                var row = currentRow();
                if (row) {
                    row.querySelector('[data-row-link]').focus();
                }
            }
            return;
        }
        var handled = true;
        switch (event.key) {
            case 'j': case 'ArrowDown': move(1); break;
            case 'k': case 'ArrowUp': move(-1); break;
            case 's': handled = press('[data-key="s"]'); break;
            case 'd': handled = press('[data-key="d"]'); break;
            case 'z': handled = !!document.querySelector('#toast [data-undo] button'); if (handled) { document.querySelector('#toast [data-undo] button').click(); } break;
            case 'u': openDetails('.pane-use', 'input[type="url"]'); break;
            case 'r': openDetails('.pane-report', 'select'); break;
            case 'o': {
                var open = currentRow();
                if (open) {
                    window.location.href = open.querySelector('[data-row-link]').href;
                }
                break;
            }
            case 'x': {
                var tick = currentRow() && currentRow().querySelector('input[name="selected"]');
                if (tick) {
                    tick.checked = !tick.checked;
                    countTicked();
                }
                break;
            }
            default: handled = false;
        }
        if (handled) {
            event.preventDefault();
        }
    });

    // A decision made in the pane moves on to the next pitch; undo goes back to the pitch it restored.
    document.addEventListener('htmx:afterRequest', function (event) {
        // The form that asked (htmx tells a removed form's event to the pane that held it, with the form in requestConfig).
        var asker = (event.detail.requestConfig && event.detail.requestConfig.elt) || event.detail.elt;
        var form = asker && asker.closest ? asker.closest('form') : null;
        if (!form || !inbox() || !event.detail.successful) {
            return;
        }
        if (form.hasAttribute('data-decision') && !document.querySelector('#pane .alert-danger')) {
            move(1);
        } else if (form.hasAttribute('data-undo')) {
            var first = form.querySelector('input[name="pitch"]');
            var row = first ? document.getElementById('row-' + first.value) : null;
            if (row) {
                choose(row);
            }
        }
    });

    // Redrawn rows lose their marks; the pane's decline reason is the one last chosen; the toast goes when undo does.
    document.addEventListener('htmx:afterSettle', function () {
        if (!inbox()) {
            return;
        }
        mark();
        var reason = document.querySelector('#pane [data-remember-reason]');
        if (reason) {
            try {
                var kept = sessionStorage.getItem('sw-decline-reason');
                if (kept !== null && reason.querySelector('option[value="' + CSS.escape(kept) + '"]')) {
                    reason.value = kept;
                }
            } catch (ignored) {
                // Nothing remembered.
            }
        }
        armToast();
    });
    function armToast() {
        var toast = document.querySelector('#toast [data-toast]');
        if (!toast || toast.hasAttribute('data-armed')) {
            return;
        }
        toast.setAttribute('data-armed', '');
        clearTimeout(toastTimer);
        toastTimer = setTimeout(function () {
            if (toast.isConnected) {
                toast.remove();
            }
        }, 10000);
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (!inbox()) {
            return;
        }
        armToast();
        var pane = document.querySelector('#pane [data-pane]');
        if (pane) {
            currentId = pane.getAttribute('data-pitch-id');
            mark();
        } else if (window.location.hash === '#triage' && rows().length) {
            choose(rows()[0]);
        }
    });
})();
