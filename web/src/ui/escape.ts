/** Escape closes the most recently opened panel: views push a closer and pop it when done. */

const closers: (() => void)[] = [];

export function onEscape(close: () => void): () => void {
  closers.push(close);
  return () => {
    const at = closers.lastIndexOf(close);
    if (at >= 0) closers.splice(at, 1);
  };
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || event.defaultPrevented) return;
  const close = closers[closers.length - 1];
  if (!close) return;
  event.preventDefault();
  close();
});
