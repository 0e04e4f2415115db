/** Saves `text` as a file through a Blob link (the browser's or Electron's download). */
export function downloadJsonFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of a file the user picked. */
export function readPickedFile(file: File): Promise<string> {
  return file.text();
}
