// The pipeline board: drag a deal card onto another stage's column to move it there. The drop fills
// in the card's own move form and submits it, so the server checks the move exactly as when the
// form is used by keyboard. A deal dropped on Lost asks for its reason first.
(function () {
  'use strict';
  // cards the reader may move: those with a move form (an analyst's have none)
  document.querySelectorAll('.board .deal').forEach(function (card) {
    if (!card.querySelector('form.move')) {
      return;
    }
    card.setAttribute('draggable', 'true');
    card.addEventListener('dragstart', function (event) {
      event.dataTransfer.setData('text/plain', card.dataset.id);
      event.dataTransfer.effectAllowed = 'move';
      card.classList.add('dragging');
    });
    card.addEventListener('dragend', function () {
      card.classList.remove('dragging');
    });
  });
  document.querySelectorAll('.board .column').forEach(function (column) {
    column.addEventListener('dragover', function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      column.classList.add('drop-target');
    });
    column.addEventListener('dragleave', function () {
      column.classList.remove('drop-target');
    });
    column.addEventListener('drop', function (event) {
      event.preventDefault();
      column.classList.remove('drop-target');
      var card = document.querySelector('.board .deal[data-id="' + event.dataTransfer.getData('text/plain') + '"]');
      if (!card || card.closest('.column') === column) {
        return;
      }
      var form = card.querySelector('form.move');
      var stage = column.dataset.stage;
      var target = form.querySelector('select[name="target"]');
      if (!target.querySelector('option[value="' + stage + '"]')) {
        return;
      }
      target.value = stage;
      var reason = form.querySelector('input[name="reason"]');
      if (stage === 'LOST' && !reason.value.trim()) {
        // the card's folded form opens where the reason is asked for
        form.closest('details').open = true;
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      form.requestSubmit();
    });
  });
})();
