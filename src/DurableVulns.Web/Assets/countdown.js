// Keeps every MIIT countdown on the page live. The server renders the same text, so the page is
// complete without this script; it only ticks the seconds and moves a case between urgency classes.
(function () {
  "use strict";
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  function format(ms, day) {
    var s = Math.floor(ms / 1000), d = Math.floor(s / 86400);
    var clock = pad(Math.floor(s % 86400 / 3600)) + ":" + pad(Math.floor(s % 3600 / 60)) + ":" + pad(s % 60);
    return d > 0 ? d + day + " " + clock : clock;
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-deadline]").forEach(function (el) {
      if (el.dataset.stopped === "true") return;
      var deadline = Date.parse(el.dataset.deadline), start = Date.parse(el.dataset.start);
      var left = deadline - now, urgency, words, text;
      if (left <= 0) { urgency = "overdue"; words = el.dataset.late; text = el.dataset.overdue + " " + format(-left, el.dataset.day); }
      else {
        urgency = left < (deadline - start) * 0.25 ? "low" : "plenty";
        words = urgency === "low" ? el.dataset.low : el.dataset.plenty;
        text = el.dataset.english === "true" ? format(left, el.dataset.day) + " " + el.dataset.left : el.dataset.left + " " + format(left, el.dataset.day);
      }
      el.className = "countdown urgency-" + urgency;
      el.querySelector(".countdown-time").textContent = text;
      el.querySelector(".countdown-urgency").textContent = "(" + words + ")";
    });
  }
  tick();
  setInterval(tick, 1000);
})();
