/* clustersite photo viewer: the links of a gallery ([data-cs-gallery]) open in a modal
   <dialog> instead of leaving the page. Without JavaScript the links simply show each photo.

   Keyboard: Enter (or a click) on a thumbnail opens it; Left/Right arrows move; Esc or the
   close button closes, and focus returns to the thumbnail it was opened from. Tab stays
   inside the viewer while it is open. Swipe left/right moves on touch screens. The counter
   ("3 / 12") and the caption are in a live region, so screen readers announce each photo.
   Texts come from the gallery's data-label-* attributes, in the page's language. */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function Viewer(gallery) {
    this.links = Array.prototype.slice.call(gallery.querySelectorAll("a.cs-gallery__link"));
    this.index = 0;
    this.opener = null;
    var labels = gallery.dataset;
    var dialog = element("dialog", "cs-viewer");
    dialog.setAttribute("aria-label", labels.labelViewer || "");
    var figure = element("figure", "cs-viewer__figure");
    this.image = element("img");
    this.image.setAttribute("decoding", "async");
    this.image.draggable = false; // a drag would swallow the pointer events of a swipe
    var caption = element("figcaption", "cs-viewer__caption");
    caption.setAttribute("aria-live", "polite");
    this.counter = element("span", "cs-viewer__counter");
    this.caption = element("span", "cs-viewer__text");
    caption.appendChild(this.counter);
    caption.appendChild(this.caption);
    figure.appendChild(this.image);
    figure.appendChild(caption);
    this.previous = element("button", "cs-viewer__previous", "\u2039");
    this.previous.type = "button";
    this.previous.setAttribute("aria-label", labels.labelPrevious || "");
    this.next = element("button", "cs-viewer__next", "\u203a");
    this.next.type = "button";
    this.next.setAttribute("aria-label", labels.labelNext || "");
    this.close = element("button", "cs-viewer__close", labels.labelClose || "");
    this.close.type = "button";
    dialog.appendChild(figure);
    dialog.appendChild(this.previous);
    dialog.appendChild(this.next);
    dialog.appendChild(this.close);
    document.body.appendChild(dialog);
    this.dialog = dialog;
    this.bind();
  }

  Viewer.prototype.bind = function () {
    var self = this;
    this.links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) return;
        event.preventDefault();
        self.open(index, link);
      });
    });
    this.previous.addEventListener("click", function () { self.show(self.index - 1); });
    this.next.addEventListener("click", function () { self.show(self.index + 1); });
    this.close.addEventListener("click", function () { self.dialog.close(); });
    this.dialog.addEventListener("close", function () { self.closed(); });
    this.dialog.addEventListener("keydown", function (event) { self.key(event); });
    var startX = null;
    this.dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    this.dialog.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var moved = event.clientX - startX;
      startX = null;
      if (Math.abs(moved) > 50) self.show(self.index + (moved < 0 ? 1 : -1));
    });
  };

  Viewer.prototype.open = function (index, opener) {
    this.opener = opener;
    this.show(index);
    this.dialog.showModal();
    this.close.focus();
  };

  Viewer.prototype.show = function (index) {
    var count = this.links.length;
    this.index = (index + count) % count;
    var link = this.links[this.index];
    var thumbnail = link.querySelector("img");
    this.image.removeAttribute("src");
    this.image.setAttribute("srcset", link.dataset.srcset || "");
    this.image.setAttribute("sizes", "100vw");
    this.image.setAttribute("width", link.dataset.width || "");
    this.image.setAttribute("height", link.dataset.height || "");
    this.image.setAttribute("src", link.getAttribute("href"));
    this.image.setAttribute("alt", thumbnail ? thumbnail.getAttribute("alt") || "" : "");
    this.counter.textContent = (this.index + 1) + " / " + count;
    var text = link.dataset.caption || "";
    if (link.dataset.credit) text += (text ? " \u00b7 " : "") + link.dataset.credit;
    this.caption.textContent = text;
    var single = count < 2;
    this.previous.hidden = single;
    this.next.hidden = single;
  };

  Viewer.prototype.key = function (event) {
    if (event.key === "ArrowRight") { event.preventDefault(); this.show(this.index + 1); }
    else if (event.key === "ArrowLeft") { event.preventDefault(); this.show(this.index - 1); }
    else if (event.key === "Tab") {
      // keep focus among the viewer's own buttons (a modal dialog would also let it reach
      // the browser's toolbar; here it cycles)
      var buttons = [this.previous, this.next, this.close].filter(function (b) { return !b.hidden; });
      var at = buttons.indexOf(document.activeElement);
      var step = event.shiftKey ? -1 : 1;
      event.preventDefault();
      buttons[(at + step + buttons.length) % buttons.length].focus();
    }
  };

  Viewer.prototype.closed = function () {
    // back to the thumbnail the viewer was opened from (WAI-ARIA dialog pattern)
    if (this.opener) this.opener.focus();
  };

  function start() {
    if (typeof HTMLDialogElement !== "function") return; // old browsers keep plain links
    var galleries = document.querySelectorAll("[data-cs-gallery]");
    Array.prototype.forEach.call(galleries, function (gallery) {
      if (!gallery.csViewer) gallery.csViewer = new Viewer(gallery);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Material's instant navigation swaps pages without reloading scripts
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
