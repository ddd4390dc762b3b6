// Fills a form from the document's file (ADR 0045): a file dropped on the drop zone ([data-fill]) or chosen in it
// goes to the extraction API with the CSRF header; each field named in data-fields that the clerk has left empty takes
// what was read and a mark in its label saying, in words, whether the reading is sure or to be checked; the layout
// findings are listed above the fields. Lists that always hold a value (family, type) take what the file says. Nothing
// is saved: the clerk submits the form as before. Where data-attach names a file input, the file joins its files.
// Without this script (or without fetch) the drop zone is a file chooser with a "Đọc tệp và điền" button that posts the
// form to the server, which fills it the same way (DraftFill, ManualEntryFill). On the incoming register's form, a
// document already registered is then named at the top of the form, as the server does after its button (ADR 0061).
(function () {
    'use strict';

    var AS_ABOVE = 'như trên';

    function format(message, argument) {
        return (message || '').replace('{0}', argument);
    }

    /** A name compared without case, spaces or diacritics, as Extraction.typeCodeIn does it. */
    function plain(text) {
        return (text || '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD')
            .replace(/[\u0300-\u036f\s]/g, '').toLowerCase();
    }

    function lines(list) {
        return list && list.length ? list.join('\n') : null;
    }

    function ticked(form, name) {
        return form.querySelector('input[name="' + name + '"]:checked') !== null;
    }

    /** The family's mark among the select's values that the competence begins with, the longest first. */
    function competenceMark(competence, select) {
        var found = null;
        if (!competence || !select) {
            return null;
        }
        Array.prototype.forEach.call(select.options, function (option) {
            var mark = option.value;
            if (mark && (competence === mark || competence.indexOf(mark + ' ') === 0)
                    && (found === null || mark.length > found.length)) {
                found = mark;
            }
        });
        return found;
    }

    /** The drafting form's urgency for the mark the API answers as printed (dispatch.Urgency.mark()). */
    var URGENCY = {'KHẨN': 'URGENT', 'THƯỢNG KHẨN': 'VERY_URGENT', 'HỎA TỐC': 'FLASH',
        'HỎA TỐC HẸN GIỜ': 'FLASH_TIMED'};

    /**
     * Each source gives the value for a field from the API's answer and the confidence keys it was made of (the
     * first must have been read; the others count when read); a value of null leaves the field alone.
     */
    var SOURCES = {
        family: function (data) { return {value: data.family, keys: ['family']}; },
        type: function (data, field) {
            var wanted = plain(data.typeName);
            var option = data.typeName && Array.prototype.find.call(field.options, function (candidate) {
                return plain(candidate.textContent) === wanted;
            });
            return {value: option ? option.value : null, keys: ['typeName']};
        },
        sender: function (data) {
            var parts = [data.issuer, data.issuerParent].filter(Boolean);
            return {value: parts.length ? parts.join(' ') : null, keys: ['issuer', 'issuerParent']};
        },
        numberNotation: function (data) {
            var value = data.notation;
            if (data.number !== null && data.number !== undefined) {
                value = data.notation ? data.number + (data.family === 'PARTY' ? '-' : '/') + data.notation
                    : String(data.number);
            }
            return {value: value, keys: ['number', 'notation']};
        },
        issuedOn: function (data) { return {value: data.issuedOn, keys: ['issuedOn']}; },
        place: function (data) { return {value: data.place, keys: ['place']}; },
        subject: function (data) { return {value: data.subject, keys: ['subject']}; },
        addressees: function (data, field, form) {
            // Units or groups already ticked for "Kính gửi" are the clerk's list: the lines read would double it.
            var role = field.name.replace(/Lines$/, '');
            var mine = ticked(form, role + 'Groups') || ticked(form, role + 'Units');
            return {value: mine ? null : lines(data.addressees), keys: ['addressees'], kept: mine};
        },
        distribution: function (data, field, form) {
            // A new draft's "Nơi nhận" holds "Như trên" alone: that is nothing typed yet. The server puts the lines in
            // order ("Như trên" once and first, "Lưu ..." last) when the form is saved or arranged.
            var role = field.name.replace(/Lines$/, '');
            var rows = form.querySelectorAll('.rows__text');
            var mine = ticked(form, role + 'Groups') || ticked(form, role + 'Units')
                || Array.prototype.some.call(rows, function (row) {
                    return row.value.trim().toLowerCase() !== AS_ABOVE;
                });
            return {value: mine ? null : lines(data.distribution), keys: ['distribution'], kept: mine};
        },
        competenceMark: function (data, field, form) {
            var competence = data.signer && data.signer.competence;
            var authority = form.elements.signerAuthority;
            var mine = authority && authority.value.trim() !== '';
            return {value: mine ? null : competenceMark(competence, field), keys: ['signer.competence'],
                kept: mine && !!competence};
        },
        competenceAuthority: function (data, field, form) {
            var competence = data.signer && data.signer.competence;
            var mark = competenceMark(competence, form.elements.signerCompetence);
            var rest = competence ? competence.substring(mark ? mark.length : 0).trim() : '';
            return {value: rest || null, keys: ['signer.competence']};
        },
        // The competence as printed, in one field (the incoming register's): "K/T TRƯỞNG BAN".
        competence: function (data) {
            return {value: data.signer && data.signer.competence, keys: ['signer.competence']};
        },
        // The mark printed over the document ("HỎA TỐC"); none leaves the clerk's choice.
        urgency: function (data) { return {value: URGENCY[data.urgency] || null, keys: ['urgency']}; },
        position: function (data) { return {value: data.signer && data.signer.position, keys: ['signer.position']}; },
        fullName: function (data) { return {value: data.signer && data.signer.fullName, keys: ['signer.fullName']}; }
    };

    function labelOf(form, field) {
        return field.id ? form.querySelector('label[for="' + field.id + '"]') : null;
    }

    function labelText(label) {
        var first = label && label.querySelector('span');
        return (first || label).textContent.trim();
    }

    /**
     * The legend of the group a field is part of ("Kính gửi", "Nơi nhận", "Người ký"), as the server names what it
     * left; null for a field on its own.
     */
    function groupName(field) {
        var group = field.closest('fieldset');
        var legend = group && !group.hasAttribute('data-fill') && group.querySelector('legend');
        return legend ? labelText(legend) : null;
    }

    function mark(zone, label, sure) {
        var badge = document.createElement('span');
        badge.className = 'fill-mark fill-mark--' + (sure ? 'sure' : 'check');
        var prefix = document.createElement('span');
        prefix.className = 'visually-hidden';
        prefix.textContent = zone.getAttribute('data-mark-prefix');
        var word = document.createElement('span');
        word.textContent = zone.getAttribute(sure ? 'data-mark-sure' : 'data-mark-check');
        badge.appendChild(prefix);
        badge.appendChild(document.createTextNode(' '));
        badge.appendChild(word);
        label.appendChild(document.createTextNode(' '));
        label.appendChild(badge);
    }

    function sureOf(data, keys, threshold) {
        var confidence = data.confidence || {};
        return keys.every(function (key, index) {
            var value = confidence[key];
            return (index > 0 && value === undefined) || (value !== undefined && value >= threshold);
        });
    }

    /**
     * An empty field takes the value; a list without an empty choice (family, type) always does. Where only some
     * sources are taken (another body's document cited, ADR 0065), the fields of the others that were read are named
     * as left, and not filled.
     */
    function fill(zone, form, data, only) {
        var threshold = parseFloat(zone.getAttribute('data-sure-from'));
        var filled = 0;
        var kept = [];
        var left = [];
        var bySource = {};
        form.querySelectorAll('.fill-mark').forEach(function (old) { old.remove(); });
        zone.getAttribute('data-fields').split(/\s+/).forEach(function (spec) {
            var pair = spec.split(':');
            var field = form.elements[pair[0]];
            var source = SOURCES[pair[1]];
            if (!field || !source || field.length !== undefined && field.tagName !== 'SELECT') {
                return;
            }
            var read = source(data, field, form);
            var label = labelOf(form, field);
            if (read.value === null || read.value === undefined || read.value === '') {
                if (read.kept && label && (!only || only.indexOf(pair[1]) >= 0)) {
                    kept.push(labelText(label));
                }
                return;
            }
            if (only && only.indexOf(pair[1]) < 0) {
                var name = groupName(field) || (label && labelText(label));
                if (name && left.indexOf(name) < 0) {
                    left.push(name);
                }
                return;
            }
            var always = field.tagName === 'SELECT'
                && !Array.prototype.some.call(field.options, function (option) { return option.value === ''; });
            if (!always && field.value.trim() !== '') {
                if (field.value !== String(read.value) && label) {
                    kept.push(labelText(label));
                }
                return;
            }
            field.value = read.value;
            if (field.value !== String(read.value)) {
                return;
            }
            field.dispatchEvent(new Event('change', {bubbles: true}));
            filled++;
            bySource[pair[1]] = {field: field, value: field.value};
            if (label) {
                // A cited document's subject is the other body's wording of the matter: always to be checked.
                mark(zone, label, !only && sureOf(data, read.keys, threshold));
            }
        });
        return {filled: filled, kept: kept, left: left, bySource: bySource};
    }

    /** Whether an answer is the plain text asked for, not a page the request was redirected to (the login page). */
    function plainText(response) {
        var type = response.headers.get('Content-Type') || '';
        return response.ok && !response.redirected && type.indexOf('text/plain') === 0;
    }

    /**
     * The heading prints the sender in capitals ("BAN TUYÊN GIÁO THÀNH ỦY"); where the form names a URL for it
     * ([data-sender-url], the incoming register), the server answers the spelling the portal has for that body, or
     * the register's case of it, as ManualEntryFill does without script. The field takes it only if the clerk has not
     * changed what was filled meanwhile; a failed question leaves what was read.
     */
    function respellSender(form, data, outcome) {
        var holder = form.querySelector('[data-sender-url]');
        var filled = outcome.bySource.sender;
        if (!holder || !filled || !window.URLSearchParams) {
            return;
        }
        var query = new URLSearchParams();
        // The heading as printed: the server matches it to the portal's units and the register's spellings.
        query.append('issuer', data.issuerAsPrinted || data.issuer || '');
        query.append('issuerParent', data.issuerParentAsPrinted || data.issuerParent || '');
        fetch(holder.getAttribute('data-sender-url') + '?' + query.toString(),
            {headers: {'Accept': 'text/plain'}, credentials: 'same-origin'})
            .then(function (response) {
                // A session that ended is answered by a redirect to the login page, whose HTML is no name.
                return plainText(response) ? response.text() : null;
            })
            .then(function (spelled) {
                if (spelled && spelled.trim() && filled.field.value === filled.value) {
                    filled.field.value = spelled.trim();
                    filled.field.dispatchEvent(new Event('change', {bubbles: true}));
                }
            })
            .catch(function () {});
    }

    /** Whether a file input's accept list (extensions only, as the portal writes them) takes the file. */
    function accepted(target, file) {
        var accept = target.getAttribute('accept');
        var name = (file.name || '').toLowerCase();
        return !accept || accept.split(',').some(function (extension) {
            extension = extension.trim().toLowerCase();
            return extension.charAt(0) === '.' && name.length > extension.length
                && name.slice(-extension.length) === extension;
        });
    }

    /**
     * Joins the file to the form's own file input (the scans), where the browser lets a script do it and the input
     * takes that kind of file: a .txt read for the fields would make the whole form refused when saved.
     */
    function attach(zone, file) {
        var target = zone.getAttribute('data-attach') && document.getElementById(zone.getAttribute('data-attach'));
        if (!target || typeof DataTransfer === 'undefined' || !accepted(target, file)) {
            return false;
        }
        try {
            var transfer = new DataTransfer();
            Array.prototype.forEach.call(target.files, function (chosen) { transfer.items.add(chosen); });
            transfer.items.add(file);
            target.files = transfer.files;
            return target.files.length === transfer.files.length;
        } catch (e) {
            return false;
        }
    }

    function paragraph(parent, text) {
        var p = document.createElement('p');
        p.textContent = text;
        parent.appendChild(p);
    }

    function showResult(zone, result, file, outcome, attached, findings) {
        result.textContent = '';
        var summary = document.createElement('div');
        summary.className = 'alert ' + (outcome.filled ? 'alert--success' : 'alert--warning');
        paragraph(summary, format(zone.getAttribute(outcome.filled ? 'data-done' : 'data-nothing'), file.name));
        if (outcome.kept.length) {
            paragraph(summary, format(zone.getAttribute('data-kept'), outcome.kept.join(', ')));
        }
        if (outcome.cited) {
            paragraph(summary, zone.getAttribute('data-cited'));
            if (outcome.left.length) {
                paragraph(summary, format(zone.getAttribute('data-cited-left'), outcome.left.join(', ')));
            }
        }
        if (attached) {
            paragraph(summary, zone.getAttribute('data-attached'));
        } else if (zone.getAttribute('data-attach')) {
            // A kind the scans do not take (.txt), or a browser that lets no script set a file input.
            paragraph(summary, zone.getAttribute('data-not-attached'));
        }
        result.appendChild(summary);
        var section = document.createElement('section');
        section.className = 'fill-findings';
        var heading = document.createElement('h2');
        heading.textContent = zone.getAttribute('data-findings');
        section.appendChild(heading);
        if (findings.length) {
            var list = document.createElement('ul');
            findings.forEach(function (finding) {
                var item = document.createElement('li');
                item.textContent = finding.message;
                list.appendChild(item);
            });
            section.appendChild(list);
        } else {
            paragraph(section, zone.getAttribute('data-no-findings'));
        }
        result.appendChild(section);
    }

    /**
     * Where the form has a slot for the "already registered" warning ([data-same-document], the incoming register,
     * ADR 0061), asks the server for it with the số, ký hiệu and date the form now holds, and puts what it draws in the
     * slot: the same entries and "vẫn vào sổ" box as after "Đọc tệp và điền" or a refused "Vào sổ". A failed question
     * leaves the slot as it was; the register still refuses the same document when the form is saved.
     */
    function checkSameDocument(form) {
        var slot = form.querySelector('[data-same-document]');
        var url = slot && slot.getAttribute('data-same-url');
        if (!url || !window.DOMParser || !window.URLSearchParams) {
            return;
        }
        var query = new URLSearchParams();
        ['notation', 'issuedOn'].forEach(function (name) {
            var field = form.elements[name];
            query.append(name, field && field.value ? field.value.trim() : '');
        });
        fetch(url + '?' + query.toString(), {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                var drawn = html && new DOMParser().parseFromString(html, 'text/html')
                    .querySelector('[data-same-document]');
                var current = form.querySelector('[data-same-document]');
                if (drawn && current) {
                    current.replaceWith(document.importNode(drawn, true));
                }
            })
            .catch(function () {});
    }

    /** The sources filled from another body's document: the draft's matter is the same; all else is that body's. */
    var CITED_SOURCES = ['subject'];

    /**
     * Where the form names a URL for it ([data-cite-url], the drafting form, ADR 0065), asks the server, before
     * anything is filled, whether the file read is another body's issued document, the one the draft implements: a
     * promise of its citation ({forwardsReference, body}), of {} when it is not one, or of {problem} when the server
     * refuses what was read (a subject longer than the form takes). Posted with the CSRF header: a long subject in a
     * query string would be cut by the server's header limit. A failed question cites nothing and fills as before.
     */
    function askCitation(form, data) {
        var holder = form.querySelector('[data-cite-url]');
        if (!holder || !window.URLSearchParams || data.number === null || data.number === undefined) {
            return Promise.resolve({});
        }
        var body = new URLSearchParams();
        ['family', 'typeName', 'number', 'notation', 'issuedOn', 'issuer', 'issuerParent', 'subject']
            .forEach(function (name) {
                // The heading as printed for the bodies: the server decides from it whether the file is the clerk's own.
                var value = data[name + 'AsPrinted'] || data[name];
                if (value !== null && value !== undefined) {
                    body.append(name, value);
                }
            });
        return fetch(holder.getAttribute('data-cite-url'),
            {method: 'POST', body: body, headers: csrfHeaders({'Accept': 'application/json'}),
                credentials: 'same-origin'})
            .then(function (response) {
                if (response.redirected) {
                    return {};
                }
                return response.json().catch(function () { return {}; }).then(function (answer) {
                    if (response.status === 400 && answer.detail) {
                        return {problem: answer.detail};
                    }
                    return response.ok ? answer : {};
                });
            })
            .catch(function () { return {}; });
    }

    /** The citation fills the empty "Thực hiện văn bản" field and the empty body, marked to be checked. */
    function fillCitation(zone, form, cited) {
        var filled = 0;
        ['forwardsReference', 'body'].forEach(function (name) {
            var field = form.elements[name];
            if (field && cited[name] && field.value.trim() === '') {
                field.value = cited[name];
                field.dispatchEvent(new Event('change', {bubbles: true}));
                filled++;
                var label = labelOf(form, field);
                if (label) {
                    mark(zone, label, false);
                }
            }
        });
        return filled;
    }

    /** The headers of a POST from this page: the CSRF token the layout puts in its meta tags. */
    function csrfHeaders(headers) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    function showProblem(result, message) {
        result.textContent = '';
        var alert = document.createElement('div');
        alert.className = 'alert alert--error';
        alert.setAttribute('role', 'alert');
        alert.textContent = message;
        result.appendChild(alert);
    }

    document.querySelectorAll('[data-fill]').forEach(function (zone) {
        var form = zone.closest('form');
        var input = zone.querySelector('input[type=file]');
        var button = zone.querySelector('button[name="doc-tep"]');
        var status = zone.querySelector('.dropzone__status');
        var result = form && form.querySelector('[data-fill-result]');
        if (!form || !input || !result || !window.fetch || !window.FormData) {
            return;
        }
        // The file is read as soon as it is chosen or dropped: the server's button is not needed.
        if (button) {
            button.hidden = true;
        }
        zone.classList.add('dropzone--live');

        function read(file) {
            var body = new FormData();
            body.append('file', file);
            var headers = csrfHeaders({'Accept': 'application/json'});
            status.textContent = format(zone.getAttribute('data-reading'), file.name);
            zone.setAttribute('aria-busy', 'true');
            fetch(zone.getAttribute('data-api'), {method: 'POST', body: body, headers: headers, credentials: 'same-origin'})
                .then(function (response) {
                    return response.json().catch(function () { return {}; }).then(function (answer) {
                        if (!response.ok) {
                            throw {problem: answer.detail || zone.getAttribute('data-failed')};
                        }
                        return answer;
                    });
                })
                .then(function (data) {
                    return askCitation(form, data).then(function (cited) {
                        if (cited.problem) {
                            throw {problem: cited.problem};
                        }
                        var outcome = fill(zone, form, data, cited.forwardsReference ? CITED_SOURCES : null);
                        if (cited.forwardsReference) {
                            outcome.cited = true;
                            outcome.filled += fillCitation(zone, form, cited);
                        }
                        var attached = attach(zone, file);
                        showResult(zone, result, file, outcome, attached, data.layoutFindings || []);
                        respellSender(form, data, outcome);
                        checkSameDocument(form);
                    });
                })
                .catch(function (error) {
                    // A refusal says why in the reader's language; a network error's own text would be the browser's.
                    showProblem(result, error && error.problem ? error.problem : zone.getAttribute('data-failed'));
                })
                .then(function () {
                    status.textContent = '';
                    zone.removeAttribute('aria-busy');
                    // The file was read; it is not posted again with the form (the scans input has it if wanted).
                    input.value = '';
                });
        }

        input.addEventListener('change', function () {
            if (input.files.length) {
                read(input.files[0]);
            }
        });
        ['dragenter', 'dragover'].forEach(function (type) {
            zone.addEventListener(type, function (event) {
                event.preventDefault();
                zone.classList.add('dropzone--over');
            });
        });
        zone.addEventListener('dragleave', function () {
            zone.classList.remove('dropzone--over');
        });
        zone.addEventListener('drop', function (event) {
            event.preventDefault();
            zone.classList.remove('dropzone--over');
            if (event.dataTransfer && event.dataTransfer.files.length) {
                read(event.dataTransfer.files[0]);
            }
        });
    });
})();
