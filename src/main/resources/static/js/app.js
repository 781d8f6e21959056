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
