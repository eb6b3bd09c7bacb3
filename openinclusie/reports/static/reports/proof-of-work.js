// The proof of work of the public report form (reports/proof_of_work.py).
// It starts when the check page opens, so it is usually done before the
// resident has read their answers. Without this script the form still
// sends; the server then counts the report against a shared budget.
(function () {
  "use strict";
  var form = document.querySelector("form[data-work-challenge]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var challenge = form.getAttribute("data-work-challenge");
  var bits = parseInt(form.getAttribute("data-work-bits"), 10);
  var field = form.querySelector("input[name=proof]");
  var status = form.querySelector(".work-status");
  var encoder = new TextEncoder();
  var solved = false;
  var sendWhenSolved = false;

  function leadingZeroBits(bytes) {
    var count = 0;
    for (var i = 0; i < bytes.length; i += 1) {
      if (bytes[i] === 0) {
        count += 8;
        continue;
      }
      return count + Math.clz32(bytes[i]) - 24;
    }
    return count;
  }

  async function search() {
    for (var nonce = 0; ; nonce += 1) {
      var text = challenge + ":" + nonce;
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(text));
      if (leadingZeroBits(new Uint8Array(digest)) >= bits) {
        return String(nonce);
      }
    }
  }

  form.addEventListener("submit", function (event) {
    if (solved) {
      return;
    }
    // Sent before the search ended: wait for it, then send by itself.
    event.preventDefault();
    sendWhenSolved = true;
    if (status) {
      status.textContent = status.getAttribute("data-busy");
    }
  });

  search().then(
    function (nonce) {
      field.value = nonce;
      solved = true;
      if (sendWhenSolved) {
        form.submit();
      }
    },
    function () {
      // No proof then; the form sends without one.
      solved = true;
      if (sendWhenSolved) {
        form.submit();
      }
    }
  );
})();
