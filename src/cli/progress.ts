// A single self-rewriting status line on a terminal's stderr.
export function progressLine(stream: NodeJS.WritableStream) {
  let shown = false;
  return {
    update(text: string) {
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
