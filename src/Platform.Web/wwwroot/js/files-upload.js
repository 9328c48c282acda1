// Files page (D): uploads with a progress bar and by drag and drop, through the same streamed endpoint as the
// plain form (asking for JSON instead of a redirect). Without this script the form posts as usual and the server
// redirects back with the result; the drop zone stays hidden.
(function () {
    'use strict';
    var form = document.getElementById('upload-form');
    var input = document.getElementById('file');
    var zone = document.getElementById('drop-zone');
    var progress = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    if (!form || !input || !progress || !status || !window.FormData || !window.XMLHttpRequest) {
        return;
    }

    function showError(message) {
        var error = form.querySelector('.field-error[data-for="file"]');
        if (!error) {
            error = document.createElement('span');
            error.className = 'field-error';
            error.setAttribute('data-for', 'file');
            error.id = 'file-error';
            form.appendChild(error);
        }

        error.setAttribute('role', 'alert');
        error.textContent = message;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'file-error');
    }

    function upload(file) {
        var data = new FormData();
        data.append('file', file, file.name);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action'));
        xhr.setRequestHeader('Accept', 'application/json');
        progress.value = 0;
        progress.hidden = false;
        status.textContent = 'Uploading ' + file.name + '…';
        xhr.upload.addEventListener('progress', function (e) {
            if (e.lengthComputable) {
                progress.value = Math.round(e.loaded * 100 / e.total);
                status.textContent = 'Uploading ' + file.name + ': ' + progress.value + '%';
            }
        });
        xhr.addEventListener('load', function () {
            if (xhr.status === 201) {
                progress.value = 100;
                status.textContent = 'Uploaded ' + file.name + '.';
                var id = JSON.parse(xhr.responseText).id;
                window.location.assign(window.location.pathname + '?uploaded=' + encodeURIComponent(id));
                return;
            }

            var detail = null;
            try {
                detail = JSON.parse(xhr.responseText).detail;
            } catch (ignored) {
                detail = null;
            }

            progress.hidden = true;
            status.textContent = '';
            showError(detail || 'The upload failed (' + xhr.status + '). Try again.');
        });
        xhr.addEventListener('error', function () {
            progress.hidden = true;
            status.textContent = '';
            showError('The upload was interrupted. Check the file size and your connection, then try again.');
        });
        xhr.send(data);
    }

    form.addEventListener('submit', function (e) {
        if (input.files && input.files.length > 0) {
            e.preventDefault();
            upload(input.files[0]);
        }
    });

    if (!zone) {
        return;
    }

    zone.hidden = false;
    ['dragenter', 'dragover'].forEach(function (name) {
        zone.addEventListener(name, function (e) {
            e.preventDefault();
            zone.classList.add('drag-over');
        });
    });
    ['dragleave', 'drop'].forEach(function (name) {
        zone.addEventListener(name, function () {
            zone.classList.remove('drag-over');
        });
    });
    zone.addEventListener('drop', function (e) {
        e.preventDefault();
        var files = e.dataTransfer && e.dataTransfer.files;
        if (files && files.length > 0) {
            upload(files[0]);
        }
    });
}());
