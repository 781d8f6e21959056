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
    if (form && !window.confirm(form.getAttribute('data-confirm'))) {
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

// A submit button marked data-once cannot send the form twice (the server also makes one pitch of a re-sent form).
document.addEventListener('submit', function (event) {
    if (event.defaultPrevented) {
        return;
    }
    var button = event.target.querySelector('button[data-once]');
    if (button) {
        setTimeout(function () { button.disabled = true; }, 0);
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
