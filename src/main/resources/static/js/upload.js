// Uploads the files of a form marked data-upload with a progress bar; without script the form posts as usual.
(function () {
    'use strict';
    document.querySelectorAll('form[data-upload]').forEach(function (form) {
        var progress = form.querySelector('.upload__progress');
        var status = form.querySelector('.upload__status');
        // One file chosen: its name without the extension is offered as the title, to be corrected before upload.
        var title = form.querySelector('[data-title-from-file]');
        var chooser = form.querySelector('input[type=file]');
        if (title && chooser) {
            chooser.addEventListener('change', function () {
                var one = chooser.files.length === 1;
                title.disabled = !one;
                if (one && (title.value === '' || title.dataset.offered === title.value)) {
                    var name = chooser.files[0].name;
                    var dot = name.lastIndexOf('.');
                    title.value = dot > 0 ? name.substring(0, dot) : name;
                    title.dataset.offered = title.value;
                }
            });
        }
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
            // The token also travels as a header, so that an upload the server refuses for its size is not
            // mistaken for a forged request.
            var token = document.querySelector('meta[name="_csrf"]');
            var header = document.querySelector('meta[name="_csrf_header"]');
            if (token && header) {
                request.setRequestHeader(header.content, token.content);
            }
            request.upload.addEventListener('progress', function (e) {
                if (e.lengthComputable) {
                    progress.hidden = false;
                    progress.value = Math.round(e.loaded * 100 / e.total);
                    status.textContent = progress.value + '%';
                }
            });
            request.addEventListener('load', function () {
                status.textContent = request.responseText;
                if (request.status === 200) {
                    window.location.reload();
                } else {
                    status.classList.add('field__error');
                    progress.hidden = true;
                    form.querySelectorAll('button').forEach(function (button) { button.disabled = false; });
                }
            });
            request.addEventListener('error', function () {
                status.textContent = form.getAttribute('data-upload-failed') || 'Upload failed';
                progress.hidden = true;
                form.querySelectorAll('button').forEach(function (button) { button.disabled = false; });
            });
            form.querySelectorAll('button').forEach(function (button) { button.disabled = true; });
            request.send(new FormData(form));
        });
    });
})();
