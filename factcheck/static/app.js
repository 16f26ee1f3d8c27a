// Keyboard shortcuts and the queue's bulk selection. Everything here is a convenience: every
// action is an ordinary link or form that works without JavaScript.
(function () {
  function typing(e) {
    const tag = (e.target.tagName || "").toLowerCase();
    // A checkbox or a button with focus takes no letters: the shortcuts still work from it.
    const pressable = tag === "input" && ["checkbox", "radio", "button", "submit"].includes(e.target.type);
    return (["input", "textarea", "select"].includes(tag) && !pressable) || e.target.isContentEditable ||
      e.metaKey || e.ctrlKey || e.altKey;
  }

  // The triage queue: j / k move, o or Enter opens, x checks the current row.
  const rows = Array.from(document.querySelectorAll("table.queue tbody tr"));
  let index = -1;
  function select(i) {
    if (!rows.length) return;
    if (index >= 0) rows[index].classList.remove("current");
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows[index].classList.add("current");
    rows[index].querySelector("a.claim-link").focus();
  }

  // Bulk selection: "check all" and a live count of checked tickets.
  const boxes = Array.from(document.querySelectorAll('input[name="ticket"][form="bulk"]'));
  const all = document.getElementById("check-all");
  const count = document.getElementById("bulk-count");
  function recount() {
    const n = boxes.filter(function (b) { return b.checked; }).length;
    if (count) count.textContent = n ? "(" + n + " checked)" : "";
    if (all) all.checked = n > 0 && n === boxes.length;
  }
  if (all) all.addEventListener("change", function () {
    boxes.forEach(function (b) { b.checked = all.checked; });
    recount();
  });
  boxes.forEach(function (b) { b.addEventListener("change", recount); });

  // The ticket page: n / p walk the queue; a / r approve or reject the first suggestion still
  // waiting for a person.
  function submitFirst(selector) {
    const form = document.querySelector("article.draft.status-proposed " + selector);
    if (form) form.requestSubmit();
  }
  function follow(id) {
    const link = document.getElementById(id);
    if (link) link.click();
  }

  // A link to a folded section (the ticket page's #edit-claim, #dismiss) unfolds it.
  function unfold() {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      const summary = target.querySelector("summary");
      if (summary) summary.focus();
    }
  }
  window.addEventListener("hashchange", unfold);
  unfold();

  // The article page: words selected in the text fill the form that adds a claim the engine
  // missed, with their exact place in the article (each run of text carries its offset).
  const articleText = document.getElementById("article-text");
  const addForm = document.getElementById("add-claim");
  // A selection's ends are (node, offset) pairs: a text node and a character, or an element and
  // a child index (a triple click, a selection made by script). Both are measured from the start
  // of the run of text they fall in; an end between two runs takes the next run's start.
  function runs(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    return node.matches("[data-start]") ? [node] : Array.from(node.querySelectorAll("[data-start]"));
  }
  function place(node, offset) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (!element || !articleText.contains(element)) return null;
    const run = element.closest("[data-start]");
    if (run && articleText.contains(run)) {
      const before = document.createRange();
      before.setStart(run, 0);
      before.setEnd(node, offset);
      return Number(run.dataset.start) + before.toString().length;
    }
    const after = Array.from(element.childNodes).slice(offset).flatMap(runs);
    if (after.length) return Number(after[0].dataset.start);
    const earlier = Array.from(element.childNodes).slice(0, offset).flatMap(runs);
    const last = earlier[earlier.length - 1];
    return last ? Number(last.dataset.start) + last.textContent.length : null;
  }
  function fromSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed) return;
    let start = place(selection.anchorNode, selection.anchorOffset);
    let end = place(selection.focusNode, selection.focusOffset);
    if (start === null || end === null) return;
    if (start > end) { const s = start; start = end; end = s; }
    addForm.elements.start.value = start;
    addForm.elements.end.value = end;
    addForm.elements.quote.value = selection.toString().replace(/\s+/g, " ").trim();
    document.getElementById("add-claim-box").open = true;
  }
  if (articleText && addForm) {
    articleText.addEventListener("mouseup", fromSelection);
    articleText.addEventListener("keyup", fromSelection);
    // Words typed by hand have no place yet: the server finds them in the article.
    addForm.elements.quote.addEventListener("input", function () {
      addForm.elements.start.value = "";
      addForm.elements.end.value = "";
    });
  }

  document.addEventListener("keydown", function (e) {
    if (typing(e)) return;
    const help = document.getElementById("shortcuts");
    if (e.key === "?" && help) { help.open = !help.open; if (help.open) help.querySelector("summary").focus(); return; }
    if (rows.length) {
      if (e.key === "j") { select(index + 1); e.preventDefault(); }
      else if (e.key === "k") { select(index - 1); e.preventDefault(); }
      else if (e.key === "o" && index >= 0) { rows[index].querySelector("a.claim-link").click(); }
      else if (e.key === "x" && index >= 0) {
        const box = rows[index].querySelector('input[name="ticket"]');
        if (box) { box.checked = !box.checked; recount(); }
      }
      return;
    }
    if (e.key === "v") {
      // To the verdict (or proposal) form: its first choice takes the focus, the arrows pick.
      const first = document.querySelector("form.verdict input:not([type=hidden]), form.verdict textarea");
      if (first) { first.focus(); first.scrollIntoView({block: "center"}); e.preventDefault(); }
      return;
    }
    if (e.key === "n") follow("next-ticket");
    else if (e.key === "p") follow("prev-ticket");
    else if (e.key === "a") submitFirst('form[action$="/approve"]');
    else if (e.key === "r") submitFirst('form[action$="/reject"]');
  });

  // A table wider than a phone's screen scrolls in its own box: that box takes the keyboard's
  // focus (and says what it is), so it can be scrolled without a mouse.
  function scrollable() {
    document.querySelectorAll("main table:not(.queue)").forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) {
        t.setAttribute("tabindex", "0");
        if (!t.hasAttribute("aria-label")) t.setAttribute("aria-label", "Table (scrolls sideways)");
      } else if (t.getAttribute("aria-label") === "Table (scrolls sideways)") {
        t.removeAttribute("tabindex");
        t.removeAttribute("aria-label");
      }
    });
  }
  scrollable();
  window.addEventListener("resize", scrollable);
})();
