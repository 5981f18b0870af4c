// The grade page: collects the form into the grade JSON (docs/design.md §8) and posts it to
// the page's own address on the `reviewroom grade` server. A refusal names its field as a JSON
// pointer: the matching fieldset is marked and focused. After a save the page reloads, so the
// other graders' grades, hidden until then, appear.

const form = document.getElementById('grade');
const status = document.getElementById('grade-status');

function checked(root, name) {
  const input = root.querySelector(`input[name="${CSS.escape(name)}"]:checked`);
  return input ? input.value : undefined;
}

/**
 * Every choice on the form in page order: its kind, its fieldset (which holds its radio group
 * and its field pointer), the issue it belongs to, and what is picked, if anything. Both the
 * grade and what is left to mark are read from this one walk.
 */
function choices() {
  const list = [];
  const add = (kind, fieldset, article) => {
    const input = fieldset?.querySelector('input[type=radio]');
    if (input) list.push({ kind, fieldset, article, value: checked(fieldset, input.name) });
  };
  for (const article of form.querySelectorAll('article.grade-issue')) {
    for (const fieldset of article.querySelectorAll('li.grade-match fieldset'))
      add('match', fieldset, article);
    add('issue', article.querySelector('fieldset.grade-outcome'), article);
  }
  for (const fieldset of form.querySelectorAll('li.grade-extra fieldset')) add('comment', fieldset);
  add('recommendation', form.querySelector('fieldset.grade-recommendation'));
  return list;
}

function collect() {
  const grade = { issues: {}, extras: {}, notes: '', recommendation: undefined };
  for (const article of form.querySelectorAll('article.grade-issue'))
    grade.issues[article.dataset.issue] = {
      matches: {},
      note: article.querySelector('textarea').value,
    };
  for (const { kind, fieldset, article, value } of choices()) {
    if (!value) continue;
    const issue = article && grade.issues[article.dataset.issue];
    if (kind === 'match') issue.matches[fieldset.dataset.comment] = value;
    else if (kind === 'issue') issue.outcome = value;
    else if (kind === 'comment') grade.extras[fieldset.dataset.comment] = value;
    else grade.recommendation = value;
  }
  grade.notes = document.getElementById('notes').value;
  return grade;
}

function clearMarks() {
  for (const marked of form.querySelectorAll('[aria-invalid="true"]'))
    marked.removeAttribute('aria-invalid');
  for (const note of form.querySelectorAll('.grade-error')) note.remove();
}

/** Marks the element of `field` (or its closest ancestor pointer) and moves focus there. */
function markField(field, message) {
  let target = null;
  for (let f = field; f !== '' && !target; f = f.slice(0, f.lastIndexOf('/'))) {
    target = form.querySelector(`[data-field="${CSS.escape(f)}"]`);
  }
  if (!target) return;
  target.setAttribute('aria-invalid', 'true');
  const note = document.createElement('p');
  note.className = 'grade-error';
  note.textContent = message;
  target.append(note);
  const focusable = target.matches('textarea') ? target : target.querySelector('input, textarea');
  (focusable || target).focus();
  target.scrollIntoView({ block: 'center' });
}

const PROMPTS = {
  match: 'Confirm or reject this suggested match.',
  issue: 'Mark this issue: found, partly or missed.',
  comment: 'Judge this comment: valid or not.',
  recommendation: 'Choose a recommendation.',
};

/** What is still to mark, in page order: each with its field pointer, kind and a prompt. */
function missing() {
  return choices()
    .filter((choice) => !choice.value)
    .map(({ kind, fieldset }) => [fieldset.dataset.field, kind, PROMPTS[kind]]);
}

/** "3 key issues, 1 suggested match and the recommendation" */
function tally(left) {
  const count = (kind) => left.filter(([, k]) => k === kind).length;
  const plural = (n, one, many) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
  const parts = [
    ...plural(count('issue'), 'key issue', 'key issues'),
    ...plural(count('match'), 'suggested match', 'suggested matches'),
    ...plural(count('comment'), 'comment', 'comments'),
    ...(count('recommendation') ? ['the recommendation'] : []),
  ];
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearMarks();
  // The server refuses an incomplete grade too; saying all that is left at once saves a
  // round trip per field.
  const left = missing();
  if (left.length > 0) {
    status.textContent = `Not saved: ${tally(left)} still to mark.`;
    for (const [field] of left.slice(1))
      form
        .querySelector(`[data-field="${CSS.escape(field)}"]`)
        ?.setAttribute('aria-invalid', 'true');
    markField(left[0][0], left[0][2]);
    return;
  }
  status.textContent = 'Saving…';
  let response;
  try {
    response = await fetch(window.location.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(collect()),
      credentials: 'same-origin',
    });
  } catch {
    status.textContent =
      'Not saved: the grade server does not answer (is `reviewroom grade` still running?).';
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    status.textContent = `Saved at ${body.saved_at}.`;
    window.setTimeout(() => window.location.reload(), 600);
    return;
  }
  const error = body.error || {};
  status.textContent = `Not saved: ${error.message || response.statusText}`;
  if (typeof error.field === 'string') markField(error.field, error.message);
});
