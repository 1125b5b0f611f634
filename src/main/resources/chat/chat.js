'use strict';
// The live chat page. Every text that comes from Kafka or from a participant is inserted with
// textContent or createTextNode, never as HTML: a message is shown as the characters it holds.

const CONVERSATION = 'alice-bob';
const SVG = 'http://www.w3.org/2000/svg';
const REASONS = {
  SAME_LANGUAGE: 'already in the reader\'s language: shown as written',
  LANGUAGE_NOT_DETECTED: 'language not detected: shown as written',
};

const list = document.getElementById('messages');
const statusBadge = document.getElementById('status');
const dialog = document.getElementById('heatmap');
const byRequest = new Map();
// A message's bubble by its message id: an edit or a deletion of it is shown in its place.
const byMessage = new Map();

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function side(writer) {
  return writer === 'bob' ? 'right' : 'left';
}

function scrollToEnd() {
  list.parentElement.scrollTop = list.parentElement.scrollHeight;
}

// ---- sending -------------------------------------------------------------------------------

function languageOf(writer) {
  return document.querySelector(`.composer[data-writer="${writer}"] select[name=language]`).value;
}

function otherWriter(writer) {
  return writer === 'alice' ? 'bob' : 'alice';
}

async function postTo(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

function post(message) {
  return postTo('messages', {conversation: CONVERSATION, ...message});
}

async function send(form) {
  const input = form.elements.text;
  const text = input.value;
  if (text.length === 0) return;
  const writer = form.dataset.writer;
  const from = languageOf(writer);
  const to = languageOf(otherWriter(writer));
  const formality = form.elements.formality.value;
  input.value = '';
  const editing = form.dataset.editing;
  if (editing) {
    stopEditing(form);
    change(byMessage.get(editing), {writer, from, to, text, formality, message_id: editing, operation: 'EDIT'}, 're-translating…');
    return;
  }
  const pending = bubble(writer, from, to);
  pending.appendChild(element('p', 'original', text)).lang = from;
  pending.appendChild(element('p', 'pending', 'translating…'));
  list.appendChild(pending);
  scrollToEnd();
  let answer;
  try {
    answer = await post({writer, from, to, text, formality});
  } catch (e) {
    pending.classList.add('dead-letter');
    pending.querySelector('.pending').textContent = 'not sent: ' + e.message;
    return;
  }
  if (byRequest.has(answer.request_id)) {
    pending.remove(); // its result came back before the answer to the post
  } else {
    pending.dataset.requestId = answer.request_id;
    byRequest.set(answer.request_id, pending);
  }
}

/** An edit or a deletion of a shown message: its bubble says so until the result replaces it. */
async function change(li, message, doing) {
  const note = li.appendChild(element('p', 'pending', doing));
  try {
    const answer = await post(message);
    if (!byRequest.has(answer.request_id)) byRequest.set(answer.request_id, li);
  } catch (e) {
    note.textContent = 'not sent: ' + e.message;
  }
}

function startEditing(event) {
  const form = document.querySelector(`.composer[data-writer="${event.writer}"]`);
  if (!form) return;
  form.dataset.editing = event.message_id;
  form.classList.add('editing');
  form.elements.text.value = event.source_text ?? '';
  form.elements.text.focus();
}

function stopEditing(form) {
  delete form.dataset.editing;
  form.classList.remove('editing');
}

for (const form of document.querySelectorAll('.composer')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(form);
  });
}

// ---- showing results -----------------------------------------------------------------------

function bubble(writer, from, to) {
  const li = element('li', 'message ' + side(writer));
  const meta = li.appendChild(element('div', 'meta'));
  meta.appendChild(element('span', 'writer', writer));
  meta.appendChild(document.createTextNode(' '));
  meta.appendChild(element('span', 'languages', `${from || '?'} → ${to || '?'}`));
  return li;
}

/**
 * The bubble of a request: the one shown while it was pending, or the message's own for an edit or a
 * deletion (filled anew), or a new one at the end.
 */
function place(event) {
  const fresh = bubble(event.writer, event.source_language, event.target_language);
  const li = byRequest.get(event.request_id) || (event.message_id && byMessage.get(event.message_id));
  if (event.message_id) byMessage.set(event.message_id, li || fresh);
  if (!li) {
    list.appendChild(fresh);
    if (event.request_id) {
      fresh.dataset.requestId = event.request_id;
      byRequest.set(event.request_id, fresh);
    }
    return fresh;
  }
  li.className = fresh.className;
  li.replaceChildren(...fresh.childNodes);
  return li;
}

/**
 * A paragraph of word spans, with the text between them (line breaks included) taken from the full
 * text where it is known; a word not found there is joined with a space.
 */
function words(className, texts, lang, full) {
  const p = element('p', className);
  p.lang = lang || '';
  let cursor = 0;
  texts.forEach((text, index) => {
    const at = full ? full.indexOf(text, cursor) : -1;
    if (at >= 0) {
      if (at > cursor) p.appendChild(document.createTextNode(full.slice(cursor, at)));
      cursor = at + text.length;
    } else if (index > 0) {
      p.appendChild(document.createTextNode(' '));
    }
    const span = p.appendChild(element('span', 'word', text));
    span.dataset.index = index;
  });
  if (full && cursor > 0 && cursor < full.length) p.appendChild(document.createTextNode(full.slice(cursor)));
  return p;
}

function strongest(row) {
  let best = -1;
  let weight = 0;
  row.forEach((w, j) => {
    if (w > weight) {
      weight = w;
      best = j;
    }
  });
  return best;
}

/** Hovering a word lights it and the words its strongest alignment links join it to on the other side. */
function linkWords(li, alignment, source, target) {
  const links = alignment.map(strongest);
  const clear = () => li.querySelectorAll('.hovered, .aligned').forEach((w) => w.classList.remove('hovered', 'aligned'));
  const light = (word, partners) => {
    clear();
    word.classList.add('hovered');
    partners.forEach((w) => w.classList.add('aligned'));
  };
  const sourceWords = [...source.querySelectorAll('.word')];
  const targetWords = [...target.querySelectorAll('.word')];
  targetWords.forEach((word, i) => {
    word.addEventListener('mouseenter', () => light(word, links[i] >= 0 ? [sourceWords[links[i]]] : []));
    word.addEventListener('mouseleave', clear);
  });
  sourceWords.forEach((word, j) => {
    word.addEventListener('mouseenter', () => light(word, targetWords.filter((_, i) => links[i] === j)));
    word.addEventListener('mouseleave', clear);
  });
}

function showResult(event) {
  const shown = event.message_id && byMessage.get(event.message_id);
  if (shown && Number(shown.dataset.version) > event.version) return; // an older version, arriving late
  // As written: the result carries its source text (older processors do not: then what this page typed, if it did).
  const typed = event.source_text ?? byRequest.get(event.request_id)?.querySelector('.original')?.textContent;
  const li = place(event);
  if (event.message_id) {
    li.dataset.messageId = event.message_id;
    li.dataset.version = event.version;
  }
  if (event.deleted) {
    li.classList.add('deleted');
    li.appendChild(element('p', 'translation', 'message deleted'));
    return;
  }
  if (event.version > 1) li.querySelector('.meta').appendChild(document.createTextNode(' · edited'));
  const untranslated = event.untranslated_reason !== null && event.untranslated_reason !== undefined;
  if (event.detection && event.detection.language) {
    li.querySelector('.meta').appendChild(document.createTextNode(
      ` · detected ${event.detection.language} (lead ${event.detection.confidence.toFixed(2)})`));
  }
  if (untranslated) {
    li.appendChild(element('p', 'translation', event.translation));
  } else {
    const source = li.appendChild(words('original', event.source_words, event.source_language, typed));
    const target = li.appendChild(words('translation', event.target_words, event.target_language, event.translation));
    linkWords(li, event.word_alignment, source, target);
  }
  const footer = li.appendChild(element('div', 'footer'));
  if (event.end_to_end_ms !== null && event.end_to_end_ms !== undefined) {
    footer.appendChild(element('span', 'latency', `${event.end_to_end_ms} ms` +
      (untranslated ? '' : ` (decoding ${event.decoding_ms} ms)`)));
  }
  if (untranslated) {
    footer.appendChild(element('span', 'badge reason', REASONS[event.untranslated_reason] || event.untranslated_reason));
    return;
  }
  if (event.origin === 'MEMORY') {
    footer.appendChild(element('span', 'badge origin', 'from memory')).title =
      'An approved translation from the translation memory: no model translated it.';
  } else if (event.origin === 'CACHE') {
    footer.appendChild(element('span', 'badge origin', 'from cache')).title =
      'The same message was translated moments ago: the processor answered from its cache.';
  }
  if (event.formality) {
    footer.appendChild(element('span', 'badge origin', event.formality === 'formal' ? 'vous' : 'tu')).title =
      'Translated in the register asked, or in the one the conversation\'s French speakers use.';
  }
  if (event.unhonoured_terms && event.unhonoured_terms.length > 0) {
    footer.appendChild(element('span', 'badge low-confidence', 'term not kept: ' + event.unhonoured_terms.join(', '))).title =
      'The glossary asks for these terms, and the translation does not render them as it asks.';
  }
  if (event.low_confidence) {
    const badge = footer.appendChild(element('span', 'badge low-confidence', 'low confidence'));
    badge.title = 'The model was unsure of this translation: read it with care.';
  }
  const button = footer.appendChild(element('button', 'alignment', 'alignment'));
  button.type = 'button';
  li.onclick = () => openHeatmap(event);
  action(footer, 'correct', () => correct(li, event));
  action(footer, 'keep', () => keepTerm(li, event));
  if (event.message_id && document.querySelector(`.composer[data-writer="${event.writer}"]`)) {
    action(footer, 'edit', () => startEditing(event));
    action(footer, 'delete', () => change(li, {writer: event.writer, from: event.source_language,
      to: event.target_language, text: '', message_id: event.message_id, operation: 'DELETE'}, 'deleting…'));
  }
}

function action(footer, name, run) {
  const button = footer.appendChild(element('button', name, name));
  button.type = 'button';
  button.onclick = (click) => {
    click.stopPropagation(); // not the heatmap
    run();
  };
}

/**
 * A small form in the bubble (its clicks do not open the heatmap): on submit, run(value) says what was done, or
 * the error is shown; either replaces the form.
 */
function inlineForm(li, className, label, value, run) {
  li.querySelector(`form.${className}`)?.remove();
  const form = li.appendChild(element('form', 'inline ' + className));
  const input = form.appendChild(element('input'));
  input.name = 'value';
  input.value = value;
  input.setAttribute('aria-label', label);
  input.placeholder = label;
  form.appendChild(element('button', null, 'save')).type = 'submit';
  form.onclick = (click) => click.stopPropagation();
  form.onsubmit = async (submit) => {
    submit.preventDefault();
    const note = element('p', 'note ' + className);
    try {
      note.textContent = await run(input.value);
    } catch (e) {
      note.textContent = 'not saved: ' + e.message;
      note.classList.add('failed');
    }
    form.replaceWith(note);
  };
  input.focus();
}

/** A better translation: posted as a correction, it becomes the memory's answer to this message. */
function correct(li, event) {
  inlineForm(li, 'correction', 'a better translation', event.translation, async (translation) => {
    await postTo('corrections', {source_language: event.source_language, target_language: event.target_language,
      source_text: event.source_text, translation, request_id: event.request_id});
    return `saved: "${event.source_text}" will be translated "${translation}" from now on`;
  });
}

/** A term of the message (the words selected in it, if any) kept as written in every later message. */
function keepTerm(li, event) {
  const selected = window.getSelection().toString().trim();
  inlineForm(li, 'keep', 'a term to keep as written', selected, async (term) => {
    await postTo('glossary', {pair: `${event.source_language}-${event.target_language}`, term});
    return `saved: "${term}" will be kept as written from now on`;
  });
}

function showDeadLetter(event) {
  const li = place(event);
  li.classList.add('dead-letter');
  if (event.text !== undefined && event.text !== null) {
    li.appendChild(element('p', 'original', event.text));
  }
  li.appendChild(element('p', 'translation', 'not translated'));
  const footer = li.appendChild(element('div', 'footer'));
  footer.appendChild(element('span', 'badge reason', event.reason));
  footer.appendChild(element('span', 'reason-text', event.message));
}

// ---- the heatmap ---------------------------------------------------------------------------

const SCALE = [[247, 251, 255], [198, 219, 239], [107, 174, 214], [33, 113, 181], [8, 48, 107]];

function colour(weight) {
  const x = Math.min(Math.max(weight, 0), 1) * (SCALE.length - 1);
  const i = Math.min(Math.floor(x), SCALE.length - 2);
  const t = x - i;
  const rgb = SCALE[i].map((c, k) => Math.round(c + t * (SCALE[i + 1][k] - c)));
  return `rgb(${rgb.join(',')})`;
}

function svg(tag, attributes, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  if (text !== undefined) e.textContent = text;
  return e;
}

function openHeatmap(event) {
  const cell = 34;
  const longest = (ws) => ws.reduce((n, w) => Math.max(n, [...w].length), 1);
  const left = 12 + 7.5 * longest(event.target_words);
  const top = 12 + 6 * longest(event.source_words);
  const width = left + cell * event.source_words.length + 60;
  const height = top + cell * event.target_words.length + 16;
  const figure = svg('svg', {class: 'heatmap', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img'});
  figure.appendChild(svg('title', {}, `Alignment: ${event.source_words.join(' ')} → ${event.target_words.join(' ')}`));
  event.source_words.forEach((w, j) => {
    const x = left + j * cell + cell / 2;
    figure.appendChild(svg('text', {class: 'source-word', x, y: top - 6, transform: `rotate(-55 ${x} ${top - 6})`}, w));
  });
  event.target_words.forEach((w, i) => {
    const row = figure.appendChild(svg('g', {class: 'row'}));
    const y = top + i * cell;
    row.appendChild(svg('text', {class: 'target-word', x: left - 6, y: y + cell / 2 + 4, 'text-anchor': 'end'}, w));
    event.word_alignment[i].forEach((weight, j) => {
      const rect = row.appendChild(svg('rect', {class: 'cell', x: left + j * cell, y, width: cell - 1, height: cell - 1,
        fill: colour(weight)}));
      rect.appendChild(svg('title', {}, `${w} ← ${event.source_words[j]}: ${weight.toFixed(2)}`));
    });
  });
  const legendX = left + cell * event.source_words.length + 16;
  const legendHeight = Math.max(cell * event.target_words.length, 40);
  for (let k = 0; k < 20; k++) {
    figure.appendChild(svg('rect', {x: legendX, y: top + legendHeight * (1 - (k + 1) / 20), width: 12,
      height: legendHeight / 20 + 0.5, fill: colour((k + 0.5) / 20)}));
  }
  figure.appendChild(svg('text', {x: legendX + 15, y: top + 10}, '1'));
  figure.appendChild(svg('text', {x: legendX + 15, y: top + legendHeight}, '0'));
  const holder = dialog.querySelector('.figure');
  holder.replaceChildren(figure);
  dialog.querySelector('h2').textContent =
    `Alignment, ${event.source_language} → ${event.target_language}` + (event.model ? ` (${event.model})` : '');
  dialog.showModal();
}

// ---- the event stream ----------------------------------------------------------------------

function offerLanguages(languages) {
  for (const select of document.querySelectorAll('.composer select[name=language]')) {
    const chosen = select.value;
    select.replaceChildren(...languages.map((code) => {
      const option = element('option', null, code);
      option.value = code;
      return option;
    }));
    if (languages.includes(chosen)) select.value = chosen;
  }
}

const stream = new EventSource('events');
stream.onopen = () => {
  statusBadge.textContent = 'live';
  statusBadge.classList.add('live');
};
stream.onerror = () => {
  statusBadge.textContent = 'reconnecting…';
  statusBadge.classList.remove('live');
};
stream.onmessage = (message) => {
  const event = JSON.parse(message.data);
  if (event.type === 'hello') {
    offerLanguages(event.languages);
    return;
  }
  if (event.conversation_id !== CONVERSATION) return;
  if (event.type === 'result') showResult(event);
  if (event.type === 'dead_letter') showDeadLetter(event);
  scrollToEnd();
};
