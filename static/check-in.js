// The check-in page's camera scanner (/admin/evenements/:id/pointage), a progressive enhancement: where
// the browser reads QR codes (BarcodeDetector) and has a camera, the hidden « Scanner un code QR » block
// appears; a registration's code (…/pointage/<token>) opens its check-in page on this site. Elsewhere the
// page works as it is: the phone's own camera app opens the same address, or the team searches by name.
// On a registration's check-in page (/pointage/<token>), the hidden « Scanner le code suivant » link
// appears only where scanning works (it leads back to the check-in page with the camera open).
// The page hoists this async module into <head>: it may run before the body is parsed.
if (document.readyState === "loading") await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
const root = document.querySelector("[data-check-in-scanner]");
const nextLinks = document.querySelectorAll("[data-scanner-next]");
const tokenPath = /^\/pointage\/[A-Za-z0-9_-]{8,200}$/;

/** The check-in page a scanned text leads to on this site, or null when it is not a registration's code. */
function checkInTarget(text) {
  try {
    const url = new URL(text);
    return tokenPath.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}

async function canScan() {
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices?.getUserMedia) return false;
  try {
    return (await window.BarcodeDetector.getSupportedFormats()).includes("qr_code");
  } catch {
    return false;
  }
}

function setUp() {
  const toggle = root.querySelector("[data-scanner-toggle]");
  const view = root.querySelector("[data-scanner-view]");
  const status = root.querySelector("[data-scanner-status]");
  const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  let stream = null;
  let video = null;

  function stop() {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video?.remove();
    video = null;
    toggle.textContent = "Ouvrir la caméra";
  }

  async function scan() {
    if (!stream || !video) return;
    try {
      const codes = video.readyState >= 2 ? await detector.detect(video) : [];
      for (const code of codes) {
        const target = checkInTarget(code.rawValue);
        if (target) {
          stop();
          status.textContent = "Code reconnu\u00a0: ouverture de la page d’arrivée…";
          window.location.assign(target);
          return;
        }
        status.textContent = "Ce code QR n’est pas un code d’inscription à un événement du programme.";
      }
    } catch {
      // A frame the detector could not read: try the next one.
    }
    window.setTimeout(scan, 200);
  }

  async function start() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch {
      status.textContent = "La caméra n’est pas accessible\u00a0: autorisez-la pour ce site dans le navigateur, ou cherchez la personne par son nom.";
      return;
    }
    video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.setAttribute("aria-label", "Image de la caméra pour lire le code QR");
    video.srcObject = stream;
    view.append(video);
    await video.play().catch(() => {});
    toggle.textContent = "Fermer la caméra";
    status.textContent = "Caméra ouverte\u00a0: visez le code QR.";
    scan();
  }

  toggle.addEventListener("click", () => (stream ? stop() : start()));
  window.addEventListener("pagehide", stop);
  root.hidden = false;
  // « Scanner le code suivant » on a check-in page comes back here with #scanner: reopen the camera.
  if (window.location.hash === "#scanner") start();
}

if ((root || nextLinks.length > 0) && (await canScan())) {
  for (const link of nextLinks) link.hidden = false;
  if (root) setUp();
}
