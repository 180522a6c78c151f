// Sorts the rows of the current results page by a column (the server pages by name or similarity).
(function () {
  function sortTable(button) {
    var th = button.closest('th');
    var table = th.closest('table');
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = button.dataset.type === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].textContent.trim(), y = b.cells[index].textContent.trim();
      var c;
      if (numeric) {
        var nx = x === '' ? NaN : parseFloat(x), ny = y === '' ? NaN : parseFloat(y);
        if (isNaN(nx) && isNaN(ny)) c = 0; else if (isNaN(nx)) return 1; else if (isNaN(ny)) return -1; else c = nx - ny;
      } else {
        c = x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true });
      }
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('table.sortable th button.sort');
    if (button) sortTable(button);
  });
})();
