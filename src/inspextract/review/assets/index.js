"use strict";
(function () {
  const table = document.getElementById("docs");
  const body = table.tBodies[0];
  const key = (row, col) => {
    const td = row.cells[col];
    return td.dataset.sort !== undefined ? td.dataset.sort : td.textContent;
  };
  const compare = (a, b) => {
    const x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    return a.localeCompare(b);
  };
  table.querySelectorAll("th").forEach((th, col) => {
    const sort = () => {
      const up = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      const rows = Array.from(body.rows);
      rows.sort((a, b) => (up ? 1 : -1) * compare(key(a, col), key(b, col)));
      rows.forEach((row) => body.appendChild(row));
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
  });
})();
