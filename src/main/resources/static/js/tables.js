// On a phone a data table becomes a stack of cards: each cell gets its column's heading as data-label (shown by the
// stylesheet) and explicit table roles, so that screen readers still read it as a table. Without script the table
// scrolls sideways inside its own box instead.
(function () {
    'use strict';
    document.querySelectorAll('table.data').forEach(function (table) {
        var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
            return th.textContent.trim();
        });
        table.setAttribute('role', 'table');
        table.querySelectorAll('thead, tbody').forEach(function (group) { group.setAttribute('role', 'rowgroup'); });
        table.querySelectorAll('tr').forEach(function (row) { row.setAttribute('role', 'row'); });
        table.querySelectorAll('thead th').forEach(function (th) { th.setAttribute('role', 'columnheader'); });
        table.querySelectorAll('tbody tr').forEach(function (row) {
            Array.prototype.forEach.call(row.children, function (cell, index) {
                cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
                cell.setAttribute('data-label', headings[index] || '');
            });
        });
        table.classList.add('is-stacked');
    });
})();
