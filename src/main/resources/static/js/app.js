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
