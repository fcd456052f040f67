"use strict";
(function () {
  const data = JSON.parse(document.getElementById("review-data").textContent);
  const items = data.items;
  const hidden = new Set();
  const marksOf = new Map();
  const boxesOf = new Map();
  const ids = (el) => el.dataset.i.split(" ").filter((s) => s !== "").map(Number);
  const each = (sel, fn) => document.querySelectorAll(sel).forEach(fn);
  each("#doc mark", (m) => ids(m).forEach((i) => { if (!marksOf.has(i)) marksOf.set(i, []); marksOf.get(i).push(m); }));
  each(".bx", (b) => ids(b).forEach((i) => { if (!boxesOf.has(i)) boxesOf.set(i, []); boxesOf.get(i).push(b); }));
  // Items in text order, for j/k.
  const order = items.map((it, n) => n).sort((a, b) => items[a].start - items[b].start || a - b);
  let current = -1;
  const popup = document.getElementById("popup");
  const pagesView = document.getElementById("pages");

  function visible(i) { return !hidden.has(items[i].kind); }

  function recolour() {
    each("#doc mark", (m) => {
      const shown = ids(m).filter(visible);
      m.className = "";
      if (shown.length === 0) { m.classList.add("off"); return; }
      const best = shown.reduce((a, b) => (items[a].end - items[a].start <= items[b].end - items[b].start ? a : b));
      m.classList.add("k-" + items[best].kind);
    });
    each(".bx", (b) => b.classList.toggle("off", !ids(b).some(visible)));
    each(".it", (el) => el.classList.toggle("filtered", !visible(Number(el.dataset.i))));
  }

  function flash(els) {
    els.forEach((el) => { el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash"); });
    setTimeout(() => els.forEach((el) => el.classList.remove("flash")), 1300);
  }

  function select(i) {
    current = order.indexOf(i);
    each(".it.current", (el) => el.classList.remove("current"));
    const entry = document.querySelector('.it[data-i="' + i + '"]');
    if (entry) { entry.classList.add("current"); entry.scrollIntoView({ block: "nearest" }); }
    const inPages = pagesView && !pagesView.classList.contains("hidden");
    const targets = (inPages ? boxesOf.get(i) : marksOf.get(i)) || marksOf.get(i) || [];
    if (targets.length === 0) return;
    if (inPages) loadImage(targets[0].closest(".pg"));
    targets[0].scrollIntoView({ block: "center" });
    flash(targets);
  }

  function step(delta) {
    const n = order.length;
    for (let k = 1; k <= n; k++) {
      const pos = (((current + delta * k) % n) + n) % n;
      if (visible(order[pos])) { select(order[pos]); return; }
    }
  }

  function showPopup(el, event) {
    const list = document.createElement("ul");
    ids(el).forEach((i) => {
      const li = document.createElement("li");
      li.className = "k-" + items[i].kind;
      li.textContent = data.kinds[items[i].kind] + ": " + items[i].label + (items[i].page ? " (p. " + items[i].page + ")" : "");
      li.addEventListener("click", (e) => { e.stopPropagation(); hidePopup(); select(i); });
      list.appendChild(li);
    });
    popup.replaceChildren(list);
    popup.style.left = event.pageX + 8 + "px";
    popup.style.top = event.pageY + 8 + "px";
    popup.classList.remove("hidden");
  }
  function hidePopup() { popup.classList.add("hidden"); }

  function loadImage(page) {
    const img = page && page.querySelector("img");
    if (img && img.loading === "lazy") img.loading = "eager";
  }

  document.addEventListener("click", (e) => {
    const entry = e.target.closest(".it");
    if (entry) { select(Number(entry.dataset.i)); return; }
    const marked = e.target.closest("#doc mark:not(.off), .bx");
    if (marked) { showPopup(marked, e); return; }
    if (!e.target.closest("#popup")) hidePopup();
  });
  document.addEventListener("keydown", (e) => {
    if (e.target.matches("input, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") step(1);
    else if (e.key === "k") step(-1);
    else if (e.key === "Enter" && e.target.matches(".it")) select(Number(e.target.dataset.i));
    else if (e.key === "Escape") hidePopup();
  });
  each(".legend input", (box) => box.addEventListener("change", () => {
    if (box.checked) hidden.delete(box.value); else hidden.add(box.value);
    recolour();
  }));
  each(".tabs button", (button) => button.addEventListener("click", () => {
    each(".tabs button", (b) => b.setAttribute("aria-selected", String(b === button)));
    document.getElementById("doc").classList.toggle("hidden", button.value !== "doc");
    if (pagesView) pagesView.classList.toggle("hidden", button.value !== "pages");
    if (current >= 0) select(order[current]); // the item chosen in one view is shown in the other
  }));
  // Boxes are placed from their PDF-point rectangles, as fractions of the page's size.
  each(".pg", (page) => {
    const w = Number(page.dataset.w), h = Number(page.dataset.h);
    page.querySelectorAll(".bx").forEach((b) => {
      const [x0, top, x1, bottom] = b.dataset.r.split(" ").map(Number);
      b.style.left = (100 * x0) / w + "%";
      b.style.top = (100 * top) / h + "%";
      b.style.width = (100 * (x1 - x0)) / w + "%";
      b.style.height = (100 * (bottom - top)) / h + "%";
    });
  });
  // The side panel sticks below the header, whose height depends on the warnings and the legend.
  function fitPanel() {
    const aside = document.querySelector("aside");
    const top = document.querySelector("header").offsetHeight + 8;
    aside.style.top = top + "px";
    aside.style.maxHeight = "calc(100vh - " + (top + 8) + "px)";
  }
  window.addEventListener("resize", fitPanel);
  fitPanel();
  recolour();
})();
