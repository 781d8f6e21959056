// Small progressive enhancements; every page works without them.

// The server shows dates in the browser's time zone, which it learns from this cookie.
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
            document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
        }
    } catch (ignored) {
        // Dates stay in UTC, and say so.
    }
})();
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

// Triage shortcuts on the inbox: j/k move between pitches, o opens, s shortlists, d declines the focused one.
document.addEventListener('keydown', function (event) {
    if (!document.querySelector('[data-triage]') || event.ctrlKey || event.metaKey || event.altKey) {
        return;
    }
    var tag = (event.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || event.target.isContentEditable) {
        return;
    }
    var cards = Array.prototype.slice.call(document.querySelectorAll('[data-pitch-card]'));
    if (!cards.length) {
        return;
    }
    var current = document.activeElement ? document.activeElement.closest('[data-pitch-card]') : null;
    var index = cards.indexOf(current);
    if (event.key === 'j' || event.key === 'k') {
        var next = event.key === 'j' ? Math.min(index + 1, cards.length - 1) : Math.max(index - 1, 0);
        cards[index < 0 ? 0 : next].focus();
        event.preventDefault();
    } else if (current && (event.key === 'o' || event.key === 's' || event.key === 'd')) {
        var action = current.querySelector('[data-key="' + event.key + '"]');
        if (action) {
            action.click();
            event.preventDefault();
        }
    }
});

// After htmx swaps a card, keep the keyboard where it was.
document.addEventListener('htmx:afterSwap', function (event) {
    var id = event.detail.target && event.detail.target.id;
    var swapped = id ? document.getElementById(id) : null;
    if (swapped && swapped.hasAttribute('data-pitch-card')) {
        swapped.focus();
    }
});
