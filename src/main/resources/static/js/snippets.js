// Saved snippets on the pitch form: a button inserts its text at the caret of the answer last written in (the first
// answer if none yet), then fires "input" so the word counts and the pre-flight checks see the change.
(function () {
    'use strict';
    var last = null;
    document.addEventListener('focusin', function (event) {
        if (event.target.matches && event.target.matches('[data-pitch-form] textarea[data-word-count]')) {
            last = event.target;
        }
    });
    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[data-snippet]');
        if (!button) {
            return;
        }
        var form = button.closest('form');
        var field = last && last.form === form ? last : form.querySelector('textarea[data-word-count]');
        if (!field) {
            return;
        }
        var text = button.getAttribute('data-snippet-text');
        var start = field.selectionStart, end = field.selectionEnd, value = field.value;
        var before = value.slice(0, start), after = value.slice(end);
        var gap = before && !/\s$/.test(before) ? ' ' : '';
        field.value = before + gap + text + after;
        var caret = (before + gap + text).length;
        field.focus();
        field.setSelectionRange(caret, caret);
        field.dispatchEvent(new Event('input', { bubbles: true }));
    });
})();
