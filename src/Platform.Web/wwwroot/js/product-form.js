// Product form (D): shows only the fieldset of the chosen kind and warns live when a file product's file looks like
// an image. Progressive enhancement: without this script every fieldset shows under its heading and the server
// ignores the fields of other kinds; the image warning is then rendered by the server after saving.
(function () {
    'use strict';
    var kind = document.getElementById('Kind');
    var sets = document.querySelectorAll('fieldset.kind-fields[data-kind]');

    function showKind() {
        for (var i = 0; i < sets.length; i++) {
            sets[i].hidden = sets[i].getAttribute('data-kind') !== kind.value;
        }
    }

    if (kind && kind.tagName === 'SELECT') {
        kind.addEventListener('change', showKind);
        showKind();
    }

    var file = document.getElementById('FileId');
    var warning = document.getElementById('image-warning');

    function warnIfImage() {
        var option = file.options[file.selectedIndex];
        warning.hidden = !(option && option.getAttribute('data-image') === 'true');
    }

    if (file && warning) {
        file.addEventListener('change', warnIfImage);
        warnIfImage();
    }
}());
