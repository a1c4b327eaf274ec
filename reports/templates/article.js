// Findings list <-> highlights; j / k (or n / p) step through the visible findings.
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll("aside.findings li[data-id]"));
  var current = -1;
  function visible() { return items.filter(function (li) { return !li.classList.contains("hidden"); }); }
  function select(li) {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    li.classList.add("current");
    var marks = document.querySelectorAll('mark[data-findings~="' + li.dataset.id + '"]');
    marks.forEach(function (m) { m.classList.add("current"); });
    if (marks.length) { marks[0].scrollIntoView({block: "center"}); }
    li.scrollIntoView({block: "nearest"});
  }
  function step(delta) {
    var list = visible(); if (!list.length) { return; }
    var at = list.indexOf(document.querySelector("aside.findings li.current"));
    current = (at + delta + list.length) % list.length;
    select(list[current]);
  }
  document.addEventListener("keydown", function (e) {
    // Typing in a field (the desk's reason and editor inputs) is not navigation.
    var t = e.target;
    if (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable) { return; }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "j" || e.key === "n") { step(1); }
    if (e.key === "k" || e.key === "p") { step(-1); }
  });
  items.forEach(function (li) { li.addEventListener("click", function () { select(li); }); });
  document.querySelectorAll("mark[data-findings]").forEach(function (m) {
    m.addEventListener("click", function () {
      var li = document.querySelector('aside.findings li[data-id="' + m.dataset.findings.split(" ")[0] + '"]');
      if (li) { select(li); }
    });
  });
  var filters = document.querySelectorAll(".filters select");
  function applyFilters() {
    var want = {};
    filters.forEach(function (s) { want[s.name] = s.value; });
    items.forEach(function (li) {
      var show = Object.keys(want).every(function (k) { return !want[k] || li.dataset[k] === want[k]; });
      li.classList.toggle("hidden", !show);
    });
  }
  filters.forEach(function (s) { s.addEventListener("change", applyFilters); });
})();
