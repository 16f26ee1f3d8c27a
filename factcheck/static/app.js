// Keyboard shortcuts for the triage queue: j / k move, Enter or o opens the ticket.
(function () {
  const rows = Array.from(document.querySelectorAll("table.queue tbody tr"));
  if (!rows.length) return;
  let index = -1;
  function select(i) {
    if (index >= 0) rows[index].classList.remove("current");
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows[index].classList.add("current");
    rows[index].querySelector("a.claim-link").focus();
  }
  document.addEventListener("keydown", function (e) {
    const tag = (e.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].includes(tag) || e.metaKey || e.ctrlKey || e.altKey) return;
    if (e.key === "j") { select(index + 1); e.preventDefault(); }
    else if (e.key === "k") { select(index - 1); e.preventDefault(); }
    else if (e.key === "o" && index >= 0) { rows[index].querySelector("a.claim-link").click(); }
  });
})();
