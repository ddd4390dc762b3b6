// The unit trees (the recipient pickers of the dispatch form, the unit administration) as ARIA trees whose branches
// load on demand: the server renders the first levels, and a closed branch asks its endpoint (data-children) for
// its first page of units as list items; "Xem thêm" (data-more) asks for the next page. Keyboard as in the WAI-ARIA
// tree pattern: one item in the tab order (roving tabindex), Up/Down move, Right opens or enters, Left closes or
// goes to the parent, Home/End, Space ticks the unit's box, a letter jumps to the next unit starting with it.
// A picker of one unit (a parent, a successor) has radio buttons instead of checkboxes: the same unit may have a
// button in the tree and one in the results, and only one of them can be on, with the same value posted.
// Without this script the same lists work through the server: a closed branch opens by posting the form back or by
// following a link, and the search button searches on the server.
(function () {
    'use strict';

    var SEARCH_DELAY = 300;

    function treeitems(tree) {
        return Array.prototype.filter.call(tree.querySelectorAll('li[role=treeitem]'), function (item) {
            return shown(tree, item);
        });
    }

    /** An item is shown when no group it sits in is closed. */
    function shown(tree, item) {
        for (var node = item.parentElement; node && node !== tree; node = node.parentElement) {
            if (node.hidden) {
                return false;
            }
        }
        return true;
    }

    function ownGroup(item) {
        return Array.prototype.find.call(item.children, function (child) {
            return child.classList.contains('tree__group');
        });
    }

    function nameOf(item) {
        var name = item.querySelector('.tree__name');
        return name ? name.textContent.trim() : item.textContent.trim();
    }

    function checkboxOf(item) {
        var row = Array.prototype.find.call(item.children, function (child) {
            return child.classList.contains('tree__row');
        });
        return row ? row.querySelector('input[type=checkbox], input[type=radio]') : null;
    }

    /** Gives the list items their roles and states, and takes their inner controls out of the tab order. */
    function prepare(container) {
        container.querySelectorAll('ul.tree__group').forEach(function (group) {
            group.setAttribute('role', 'group');
        });
        container.querySelectorAll('li.tree__node, li.tree__more').forEach(function (item) {
            item.setAttribute('role', 'treeitem');
            item.tabIndex = -1;
            if (item.classList.contains('tree__more')) {
                item.querySelectorAll('a, button').forEach(function (control) { control.tabIndex = -1; });
                return;
            }
            var name = item.querySelector('.tree__name');
            if (name && name.id) {
                item.setAttribute('aria-labelledby', name.id);
            }
            if (item.dataset.children) {
                var group = ownGroup(item);
                item.setAttribute('aria-expanded', group && !group.hidden ? 'true' : 'false');
            }
            var toggle = item.querySelector('.tree__row > .tree__toggle');
            if (toggle && toggle.tagName !== 'SPAN') {
                // Pointer users click the arrow; keyboard users have the arrow keys, so the arrow is no control.
                var arrow = document.createElement('span');
                arrow.className = 'tree__toggle';
                arrow.setAttribute('aria-hidden', 'true');
                toggle.replaceWith(arrow);
            }
            var box = checkboxOf(item);
            if (box) {
                box.tabIndex = -1;
                item.setAttribute('aria-checked', box.checked ? 'true' : 'false');
            }
        });
    }

    function status(tree, text) {
        var live = tree.nextElementSibling;
        if (!live || !live.classList.contains('tree__status')) {
            live = document.createElement('p');
            live.className = 'tree__status';
            live.setAttribute('role', 'status');
            tree.after(live);
        }
        live.textContent = text || '';
    }

    function load(url) {
        return fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).then(function (response) {
            // A lapsed session answers with the login page after a redirect: that is no branch.
            if (!response.ok || response.redirected) {
                throw new Error('HTTP ' + response.status);
            }
            return response.text();
        });
    }

    function items(html) {
        var holder = document.createElement('ul');
        holder.innerHTML = html;
        return holder;
    }

    /** A newly loaded box shows the state of the same unit's box elsewhere in the picker (the chosen list, results). */
    function syncFrom(scope, container) {
        container.querySelectorAll('input[type=checkbox], input[type=radio]').forEach(function (box) {
            var twin = twins(scope, box).find(function (other) { return !container.contains(other); });
            if (!twin) {
                return;
            }
            if (box.type === 'radio') {
                // Turning the new button on turns its twin off; the value posted stays the same.
                if (twin.checked) {
                    box.checked = true;
                    markRadios(scope, box);
                }
                return;
            }
            box.checked = twin.checked;
            mark(box);
        });
    }

    function twins(scope, box) {
        return Array.prototype.filter.call(scope.querySelectorAll('input[type=checkbox], input[type=radio]'),
            function (other) {
                return other !== box && other.name === box.name && other.value === box.value;
            });
    }

    function mark(box) {
        var item = box.closest('li[role=treeitem]');
        if (item && checkboxOf(item) === box) {
            item.setAttribute('aria-checked', box.checked ? 'true' : 'false');
        }
    }

    /** Turning a radio button on turns the others of its name off without telling them: mark them all. */
    function markRadios(scope, box) {
        scope.querySelectorAll('input[type=radio]').forEach(function (other) {
            if (other.name === box.name) {
                mark(other);
            }
        });
    }

    function scopeOf(tree) {
        return tree.closest('[data-picker]') || tree;
    }

    function expand(tree, item) {
        if (!item.dataset.children || item.getAttribute('aria-busy') === 'true') {
            return Promise.resolve();
        }
        var group = ownGroup(item);
        if (group) {
            group.hidden = false;
            item.setAttribute('aria-expanded', 'true');
            return Promise.resolve();
        }
        item.setAttribute('aria-busy', 'true');
        status(tree, tree.dataset.loading);
        return load(item.dataset.children).then(function (html) {
            var list = items(html);
            list.className = 'tree__group';
            item.appendChild(list);
            prepare(list);
            syncFrom(scopeOf(tree), list);
            item.setAttribute('aria-expanded', 'true');
            status(tree, '');
        }).catch(function () {
            status(tree, tree.dataset.error);
        }).finally(function () {
            item.removeAttribute('aria-busy');
        });
    }

    function collapse(item) {
        var group = ownGroup(item);
        if (group) {
            group.hidden = true;
        }
        if (item.dataset.children) {
            item.setAttribute('aria-expanded', 'false');
        }
    }

    function loadMore(tree, more) {
        if (more.getAttribute('aria-busy') === 'true') {
            return;
        }
        more.setAttribute('aria-busy', 'true');
        status(tree, tree.dataset.loading);
        var refocus = document.activeElement === more;
        load(more.dataset.more).then(function (html) {
            var list = items(html);
            prepare(list);
            syncFrom(scopeOf(tree), list);
            var first = list.firstElementChild;
            while (list.firstElementChild) {
                more.before(list.firstElementChild);
            }
            more.remove();
            status(tree, '');
            if (first) {
                focus(tree, first, refocus);
            }
        }).catch(function () {
            more.removeAttribute('aria-busy');
            status(tree, tree.dataset.error);
        });
    }

    function focus(tree, item, move) {
        tree.querySelectorAll('li[role=treeitem][tabindex="0"]').forEach(function (other) { other.tabIndex = -1; });
        item.tabIndex = 0;
        if (move !== false) {
            item.focus();
        }
    }

    function onKey(tree, event) {
        var item = event.target;
        if (!item.matches || !item.matches('li[role=treeitem]')) {
            return;
        }
        var all = treeitems(tree);
        var index = all.indexOf(item);
        var expandable = !!item.dataset.children;
        var open = item.getAttribute('aria-expanded') === 'true';
        switch (event.key) {
            case 'ArrowDown':
                if (index < all.length - 1) { focus(tree, all[index + 1]); }
                break;
            case 'ArrowUp':
                if (index > 0) { focus(tree, all[index - 1]); }
                break;
            case 'Home':
                focus(tree, all[0]);
                break;
            case 'End':
                focus(tree, all[all.length - 1]);
                break;
            case 'ArrowRight':
                if (expandable && !open) {
                    expand(tree, item);
                }
                else if (expandable && open) {
                    var group = ownGroup(item);
                    var child = group && group.querySelector('li[role=treeitem]');
                    if (child) { focus(tree, child); }
                }
                break;
            case 'ArrowLeft':
                if (expandable && open) {
                    collapse(item);
                }
                else {
                    var parent = item.parentElement.closest('li[role=treeitem]');
                    if (parent && tree.contains(parent)) { focus(tree, parent); }
                }
                break;
            case ' ':
            case 'Enter':
                if (item.classList.contains('tree__more')) {
                    loadMore(tree, item);
                }
                else if (event.key === ' ' && checkboxOf(item)) {
                    checkboxOf(item).click();
                }
                else if (expandable) {
                    if (open) { collapse(item); } else { expand(tree, item); }
                }
                else {
                    return;
                }
                break;
            default:
                if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
                    typeAhead(tree, all, index, event.key);
                    break;
                }
                return;
        }
        event.preventDefault();
    }

    function typeAhead(tree, all, index, letter) {
        var wanted = letter.toLocaleLowerCase('vi');
        for (var step = 1; step <= all.length; step++) {
            var candidate = all[(index + step) % all.length];
            if (nameOf(candidate).toLocaleLowerCase('vi').indexOf(wanted) === 0) {
                focus(tree, candidate);
                return;
            }
        }
    }

    function onClick(tree, event) {
        var more = event.target.closest('li.tree__more');
        if (more && tree.contains(more)) {
            event.preventDefault();
            loadMore(tree, more);
            return;
        }
        var toggle = event.target.closest('.tree__toggle');
        if (toggle) {
            event.preventDefault();
            var item = toggle.closest('li[role=treeitem]');
            focus(tree, item, false);
            if (item.getAttribute('aria-expanded') === 'true') { collapse(item); } else { expand(tree, item); }
        }
    }

    function enhance(tree) {
        tree.setAttribute('role', 'tree');
        if (tree.querySelector('input[type=checkbox]')) {
            tree.setAttribute('aria-multiselectable', 'true');
        }
        prepare(tree);
        var first = treeitems(tree)[0];
        if (first) {
            first.tabIndex = 0;
        }
        tree.addEventListener('keydown', function (event) { onKey(tree, event); });
        tree.addEventListener('click', function (event) { onClick(tree, event); });
        tree.addEventListener('focusin', function (event) {
            var item = event.target.closest('li[role=treeitem]');
            if (item && tree.contains(item)) {
                focus(tree, item, false);
            }
        });
    }

    // Ticking a unit anywhere in a picker ticks its other boxes (tree, results, chosen list) alike.
    function keepTwinsInStep(picker) {
        picker.addEventListener('change', function (event) {
            var box = event.target;
            if (box.type === 'radio') {
                markRadios(picker, box);
                return;
            }
            if (box.type !== 'checkbox') {
                return;
            }
            mark(box);
            twins(picker, box).forEach(function (other) {
                other.checked = box.checked;
                mark(other);
            });
        });
    }

    /** Results about to be replaced: a ticked unit ticked nowhere else moves to the chosen list, so it stays ticked. */
    function keepChosen(picker, results) {
        var chosen = picker.querySelector('[data-chosen]');
        results.querySelectorAll('input[type=checkbox]:checked, input[type=radio]:checked').forEach(function (box) {
            var outside = twins(picker, box).filter(function (other) { return !results.contains(other); });
            if (box.type === 'radio' && outside.length) {
                outside[0].checked = true;
                markRadios(picker, box);
                return;
            }
            var elsewhere = outside.length > 0;
            if (elsewhere || !chosen) {
                return;
            }
            var item = box.closest('li');
            var label = item.querySelector('label');
            box.id = picker.dataset.picker + 'Chosen' + box.value;
            if (label) {
                label.htmlFor = box.id;
            }
            chosen.appendChild(item);
            chosen.closest('.picker__chosen').hidden = false;
        });
    }

    function enhanceSearch(picker) {
        var input = picker.querySelector('input[data-search]');
        var results = picker.querySelector('.picker__results');
        if (!input || !results) {
            return;
        }
        var button = input.parentElement.querySelector('button[name=tim]');
        var timer = null;
        var asked = 0;
        function search() {
            clearTimeout(timer);
            var query = input.value.trim();
            var ticket = ++asked;
            keepChosen(picker, results);
            if (!query) {
                results.replaceChildren();
                return;
            }
            load(input.dataset.search + '&q=' + encodeURIComponent(query)).then(function (html) {
                if (ticket !== asked) {
                    return;
                }
                keepChosen(picker, results);
                var list = items(html);
                list.className = 'checks';
                syncFrom(picker, list);
                results.replaceChildren(list);
            }).catch(function () {
                var tree = picker.querySelector('[data-tree]');
                if (tree) { status(tree, tree.dataset.error); }
            });
        }
        input.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(search, SEARCH_DELAY);
        });
        input.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault();
                search();
            }
        });
        if (button) {
            button.addEventListener('click', function (event) {
                event.preventDefault();
                search();
            });
        }
    }

    document.querySelectorAll('ul[data-tree]').forEach(enhance);
    document.querySelectorAll('[data-picker]').forEach(function (picker) {
        keepTwinsInStep(picker);
        enhanceSearch(picker);
    });
})();
